package dev.kycevents.event;

import java.util.List;

/** One verification check as Ralio reports it ({@code state} is "Validated" or "Refused"). */
public record Check(String type, String state, List<Reason> reasons) {

    public Check {
        reasons = List.copyOf(reasons);
    }

    public boolean refused() {
        return "Refused".equalsIgnoreCase(state);
    }
}
