package dev.kycevents.support.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every request and response a test makes against the running application's own
 * {@code /q/openapi}, so a body, status or header that drifts from the document fails the test that
 * saw it.
 *
 * <p>Responses are always checked. A request is checked only when the service accepted it (a status
 * below 400): what the service accepts the document must allow, while a request the service refused
 * is, by design, one the document does not allow (the tests send bad input on purpose and the
 * refusal is what they check). Quarkus's own endpoints under {@code /q/} are not part of the document,
 * nor is a path or method it does not list (the 404 or 405 a client gets for a route that does not
 * exist), nor an origin that serves no document (the dev-mode Ralio stand-in on its own port).
 */
public final class ContractFilter implements OrderedFilter {

    /** One document per running application (tests with another profile start another one, on another port). */
    private static final Set<Integer> UNDOCUMENTED_ANY_ROUTE = Set.of(406, 414, 431);

    private final Map<String, Optional<Contract>> contracts = new ConcurrentHashMap<>();
    private final ApiSamples samples = new ApiSamples();

    record Contract(OpenApiInteractionValidator validator, ApiOperationResolver operations) {
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE; // closest to the wire: sees what was really sent
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/q/")) {
            return response;
        }
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        Optional<Contract> served = contracts.computeIfAbsent(origin, ContractFilter::load);
        if (served.isEmpty()) {
            return response;
        }
        Contract contract = served.get();
        Request sent = RestAssuredRequest.of(request);
        ApiOperationMatch match = contract.operations().findApiOperation(sent.getPath(), sent.getMethod());
        if (!match.isPathFound() || !match.isOperationAllowed()) {
            return response;
        }
        com.atlassian.oai.validator.model.Response received = RestAssuredResponse.of(response);
        ValidationReport report = contract.validator().validateResponse(sent.getPath(), sent.getMethod(), received);
        if (response.statusCode() < 400) {
            report = report.merge(contract.validator().validateRequest(sent));
        }
        if (report.hasErrors()) {
            throw new AssertionError("The exchange " + sent.getMethod() + " " + uri.getPath() + " -> "
                    + response.statusCode() + " does not match /q/openapi:\n"
                    + report.getMessages().stream().map(m -> "  " + m).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
        // Answers any route gives (whitelisted below) are not the operation's: a typed client never sees them.
        if (!UNDOCUMENTED_ANY_ROUTE.contains(response.statusCode())) {
            samples.keep(match.getApiOperation().getOperation().getOperationId(), response);
        }
        return response;
    }

    private static Optional<Contract> load(String origin) {
        try {
            HttpResponse<String> document = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() == 404) {
                return Optional.empty();
            }
            if (document.statusCode() != 200) {
                throw new AssertionError("/q/openapi answered " + document.statusCode());
            }
            OpenAPI api = new OpenAPIV3Parser().readContents(document.body()).getOpenAPI();
            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                    // REST-assured adds the bearer token after the filters run, so the request seen here has
                    // none; a status below 400 already shows the service accepted it.
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE).build())
                    // The export of an empty range is zero lines of NDJSON: an empty body.
                    .withWhitelist(ValidationErrorsWhitelist.create().withRule("empty export", WhitelistRules.allOf(
                            WhitelistRules.messageHasKey("validation.response.body.missing"),
                            WhitelistRules.pathContainsSubstring("/audit/export")))
                            // Any route answers 406 when the Accept header cannot be met, and the HTTP codec 414 or
                            // 431 for a URI or headers over its limits; the README says so once, not per operation.
                            .withRule("any route", WhitelistRules.allOf(
                                    WhitelistRules.messageHasKey("validation.response.status.unknown"),
                                    WhitelistRules.anyOf(WhitelistRules.responseStatusIs(406),
                                            WhitelistRules.responseStatusIs(414), WhitelistRules.responseStatusIs(431)))))
                    .build();
            return Optional.of(new Contract(validator, new ApiOperationResolver(api, null, false)));
        } catch (IOException e) {
            throw new AssertionError("could not read /q/openapi from " + origin, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted reading /q/openapi", e);
        }
    }
}
