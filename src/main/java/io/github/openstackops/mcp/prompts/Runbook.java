package io.github.openstackops.mcp.prompts;

import java.util.List;
import java.util.Map;

/**
 * An operator runbook offered as an MCP prompt: what to look at, with which tools, and what to report. The text names
 * operations by their tool names; {@code {argument}} placeholders are filled from the prompt's arguments.
 *
 * @param steps one line per step; a step naming a tool the server does not offer is left out, and the prompt says so
 */
public record Runbook(String name, String title, String description, List<Argument> arguments, String goal,
                      List<Step> steps, String report) {

    /** A prompt argument; {@code completes} names what its values are completed from (empty: not completed). */
    public record Argument(String name, String description, boolean required, Completion completes) {
    }

    public enum Completion { NONE, PROJECT, SERVER, NETWORK }

    /** One step: the tools it uses (all must be offered for the step to be kept) and what to do. */
    public record Step(List<String> tools, String text) {
    }

    /** The runbook's text for these arguments (absent optional arguments read as "every"). */
    public String render(Map<String, String> values, java.util.function.Predicate<String> offered) {
        StringBuilder text = new StringBuilder(fill(goal, values)).append("\n\nSteps:\n");
        int n = 1;
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (Step step : steps) {
            List<String> absent = step.tools().stream().filter(offered.negate()).toList();
            if (absent.isEmpty()) {
                text.append(n++).append(". ").append(fill(step.text(), values)).append('\n');
            } else {
                missing.addAll(absent);
            }
        }
        if (!missing.isEmpty()) {
            text.append("(Skipped: this server does not offer ").append(String.join(", ", missing)).append(".)\n");
        }
        text.append("\nEach step names an operation by its tool name; where the server groups its tools, call the"
                + " group tool with that operation.\n\nReport: ").append(fill(report, values));
        return text.toString();
    }

    private static String fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            out = out.replace("{" + value.getKey() + "}", value.getValue());
        }
        return out;
    }
}
