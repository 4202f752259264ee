package dev.kycevents.event;

/** What PostgreSQL's jsonb refuses in a string: U+0000, and a surrogate without its other half. */
public final class StorableText {

    private StorableText() {
    }

    /** Why jsonb would refuse the text ("contains ..."), or null if it stores it. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains U+0000, which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "contains an unpaired surrogate";
            }
        }
        return null;
    }
}
