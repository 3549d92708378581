package io.github.openstackops.mcp.catalog;

/** Short forms of descriptions, for listings that name many operations. */
final class Summaries {

    /** Longest summary: one line of a grouped tool's description. */
    static final int MAX = 110;

    private Summaries() {
    }

    /** The first sentence, cut at a clause (else a word) boundary when it is longer than {@link #MAX}. */
    static String summary(String description) {
        String sentence = firstSentence(description);
        if (sentence.length() <= MAX) {
            return sentence;
        }
        String head = sentence.substring(0, MAX);
        int cut = Math.max(Math.max(head.lastIndexOf(", "), head.lastIndexOf("; ")), head.lastIndexOf(": "));
        if (cut < MAX / 2) {
            cut = head.lastIndexOf(' ');
        }
        return head.substring(0, cut) + "…";
    }

    /** The text up to the end of its first sentence (a period followed by a space or the end), without notes. */
    static String firstSentence(String description) {
        String text = description;
        int note = text.indexOf(" [");
        if (note > 0) {
            text = text.substring(0, note);
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == '.' && depth == 0 && (i + 1 == text.length() || text.charAt(i + 1) == ' ')
                    && !abbreviation(text, i)) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }

    private static boolean abbreviation(String text, int dot) {
        return text.startsWith("e.g", dot - 3) || text.startsWith("i.e", dot - 3) || text.startsWith("etc", dot - 3);
    }
}
