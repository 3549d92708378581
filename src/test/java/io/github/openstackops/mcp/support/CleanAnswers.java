package io.github.openstackops.mcp.support;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What no answer of this server may contain, whatever it was sent: Java class names and stack traces. */
public final class CleanAnswers {

    /** A package-qualified class (com.fasterxml.jackson.core.JsonLocation), a nested class (McpSchema$Foo), a frame. */
    public static final Pattern JAVA = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*|\\b[A-Z][A-Za-z0-9_]*\\$[A-Z][A-Za-z0-9_]*"
                    + "|\\b[A-Z][A-Za-z0-9_]*(?:Exception|Error)\\b|\\tat [a-z]|\\bjava\\.(?:lang|util|io)\\b");

    private CleanAnswers() {
    }

    /** Whether a text names a Java class or shows a stack trace. */
    public static boolean leaksJava(String text) {
        return text != null && JAVA.matcher(text).find();
    }

    public static void assertClean(String what, String text) {
        assertThat(leaksJava(text)).as(what + " leaks Java internals: " + abbreviate(text)).isFalse();
    }

    public static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
