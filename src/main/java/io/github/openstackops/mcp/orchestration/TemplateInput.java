package io.github.openstackops.mcp.orchestration;

import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.RemoteUrl;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

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
            remoteUrl();
        }
        if (environment != null && !environment.isBlank()) {
            checkSize("environment", environment);
        }
        return this;
    }

    boolean hasTemplate() {
        return template != null && !template.isBlank() || templateUrl != null && !templateUrl.isBlank();
    }

    /** The checked template_url, or null when the template is inline or not given. */
    @Nullable
    RemoteUrl remoteUrl() {
        return templateUrl == null || templateUrl.isBlank() ? null : RemoteUrl.check("template_url", templateUrl,
                "Heat downloads it; pass a local template's text as 'template' instead.");
    }

    /** Sends a request that carries this input, keeping template_url's query out of Heat's error messages. */
    <T> T send(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            RemoteUrl url = remoteUrl();
            throw url == null ? e : url.redact(e);
        }
    }

    /** Heat's message with template_url's query taken out. */
    String redact(String message) {
        RemoteUrl url = remoteUrl();
        return url == null ? message : url.redact(message);
    }

    /** Adds template, template_url, environment and parameters to a Heat request body. */
    void addTo(Map<String, Object> body) {
        if (template != null && !template.isBlank()) {
            body.put("template", template);
        } else if (templateUrl != null && !templateUrl.isBlank()) {
            body.put("template_url", remoteUrl().value());
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
}
