package io.github.openstackops.mcp.orchestration;

import io.github.openstackops.mcp.catalog.ToolException;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A template, environment and parameters as a caller gives them, checked before anything reaches Heat: the template
 * either inline (YAML or JSON text, at most {@link #MAX_BYTES}) or as an http(s) URL that Heat downloads itself.
 * Heat parses the text, so its own error messages (with line numbers) come back for a broken template.
 */
record TemplateInput(@Nullable String template, @Nullable String templateUrl, @Nullable String environment,
                     @Nullable Map<String, Object> parameters) {

    /** Largest inline template or environment: Heat's own default max_template_size (512 KiB). */
    static final int MAX_BYTES = 512 * 1024;

    /** Checks the input; {@code templateRequired} is false only for an update that keeps the current template. */
    TemplateInput check(boolean templateRequired) {
        boolean inline = template != null && !template.isBlank();
        boolean url = templateUrl != null && !templateUrl.isBlank();
        if (inline && url) {
            throw ToolException.invalid("Give the template either inline ('template') or as 'template_url', not both.");
        }
        if (templateRequired && !inline && !url) {
            throw ToolException.invalid("Give the template: its YAML text as 'template', or an http(s) URL Heat can"
                    + " download as 'template_url'.");
        }
        if (inline) {
            checkSize("template", template);
        }
        if (url) {
            checkUrl(templateUrl.trim());
        }
        if (environment != null && !environment.isBlank()) {
            checkSize("environment", environment);
        }
        return this;
    }

    boolean hasTemplate() {
        return template != null && !template.isBlank() || templateUrl != null && !templateUrl.isBlank();
    }

    /** Adds template, template_url, environment and parameters to a Heat request body. */
    void addTo(Map<String, Object> body) {
        if (template != null && !template.isBlank()) {
            body.put("template", template);
        } else if (templateUrl != null && !templateUrl.isBlank()) {
            body.put("template_url", templateUrl.trim());
        }
        if (environment != null && !environment.isBlank()) {
            body.put("environment", environment);
        }
        if (parameters != null && !parameters.isEmpty()) {
            body.put("parameters", parameters);
        }
    }

    private static void checkSize(String what, String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw ToolException.invalid("The " + what + " is " + (bytes + 1023) / 1024 + " KiB; inline " + what
                    + "s are limited to " + MAX_BYTES / 1024 + " KiB (Heat's default max_template_size is the same)."
                    + " Split it into nested templates, or serve it over http(s) and pass 'template_url'.");
        }
    }

    private static void checkUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ToolException.invalid("template_url '" + value + "' is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ToolException.invalid("template_url must be an http:// or https:// URL (Heat downloads it); '"
                    + (scheme.isEmpty() ? value : scheme + ":") + "' URLs are refused. Pass a local template's"
                    + " text as 'template' instead.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ToolException.invalid("template_url '" + value + "' has no host.");
        }
        if (uri.getUserInfo() != null) {
            throw ToolException.invalid("template_url must not carry credentials (user:password@); they would be"
                    + " stored with the stack.");
        }
    }
}
