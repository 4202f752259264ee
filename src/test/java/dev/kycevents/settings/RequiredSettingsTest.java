package dev.kycevents.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequiredSettingsTest {

    private static final List<String> PROD = List.of("prod");

    private final Map<String, String> config = new HashMap<>();

    @BeforeEach
    void aCompleteProductionConfiguration() {
        config.put("ralio.webhook.secrets", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        config.put("ralio.api.base-url", "https://api.ralio.example");
        config.put("ralio.api.key", "key");
        config.put("mp.jwt.verify.publickey.location", "/etc/kyc/jwt/public.pem");
        config.put("mp.jwt.verify.issuer", "https://idp.example");
    }

    private List<String> problems(List<String> profiles) {
        return RequiredSettings.problems(config::get, profiles, location -> location.equals("/etc/kyc/jwt/public.pem"));
    }

    @Test
    void a_complete_configuration_has_no_problem() {
        assertEquals(List.of(), problems(PROD));
    }

    @Test
    void with_nothing_set_every_required_setting_is_named_by_its_environment_variable_at_once() {
        config.clear();

        List<String> problems = problems(PROD);

        assertEquals(5, problems.size(), problems.toString());
        List<String> names = List.of("RALIO_WEBHOOK_SECRETS", "RALIO_API_BASE_URL", "RALIO_API_KEY",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER");
        for (int i = 0; i < names.size(); i++) {
            assertTrue(problems.get(i).startsWith(names.get(i) + " is not set"), problems.get(i));
        }
    }

    @Test
    void blank_counts_as_not_set() {
        config.put("ralio.api.key", "  ");

        assertEquals(List.of("RALIO_API_KEY is not set: the API key from Ralio's portal"), problems(PROD));
    }

    @Test
    void dev_and_test_bring_their_own_values_so_nothing_is_required_there() {
        config.clear();

        assertEquals(List.of(), problems(List.of("dev")));
        assertEquals(List.of(), problems(List.of("test")));
    }

    @Test
    void invalid_values_are_named_with_why() {
        config.put("ralio.webhook.secrets", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw, whsec_not base64!");
        config.put("ralio.api.base-url", "api.ralio.example");

        List<String> problems = problems(PROD);

        assertEquals(2, problems.size(), problems.toString());
        assertEquals("RALIO_WEBHOOK_SECRETS: each comma-separated secret must be whsec_ followed by base64", problems.get(0));
        assertEquals("RALIO_API_BASE_URL: must be an http(s) URL, was api.ralio.example", problems.get(1));
    }

    @Test
    void a_secret_is_never_echoed() {
        config.put("ralio.webhook.secrets", "whsec_s3cr3t-but-not-base64");

        assertTrue(problems(PROD).stream().noneMatch(problem -> problem.contains("s3cr3t")));
    }

    @Test
    void a_key_file_that_cannot_be_read_is_refused_naming_it_in_every_profile() {
        config.put("mp.jwt.verify.publickey.location", "keys/public.pem");

        List<String> problems = problems(List.of("dev"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION: cannot read keys/public.pem (looked for /"),
                problems.get(0));
    }

    @Test
    void a_jwks_url_is_not_fetched_before_start() {
        config.put("mp.jwt.verify.publickey.location", "https://idp.example/.well-known/jwks.json");

        assertEquals(List.of(), problems(PROD));
    }

    @Test
    void an_inline_public_key_replaces_the_location() {
        config.remove("mp.jwt.verify.publickey.location");
        config.put("mp.jwt.verify.publickey", "MIIBIjANBgkq...");

        assertEquals(List.of(), problems(PROD));
    }

    @Test
    void the_message_lists_each_problem_on_its_own_line() {
        String message = RequiredSettings.message(List.of("A is not set", "B: wrong"));

        assertEquals("The service cannot start; fix these settings (environment variables) and start it again:\n"
                + "  - A is not set\n  - B: wrong", message);
    }
}
