package dev.tendril.content.internal;

import java.util.List;

/**
 * The Handlebars source a dynamic block is included as: each variant's content in a
 * {@link SandboxHelpers#VARIANT} section, of which only the variant chosen for the recipient renders
 * (-1 is the default content).
 */
final class DynamicBlockSource {
    private DynamicBlockSource() {}

    static String of(String name, List<String> variantContents, String defaultContent) {
        StringBuilder out = new StringBuilder();
        String quoted = "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        for (int i = 0; i < variantContents.size(); i++) {
            section(out, quoted, i, variantContents.get(i));
        }
        section(out, quoted, -1, defaultContent);
        return out.toString();
    }

    private static void section(StringBuilder out, String name, int index, String content) {
        out.append("{{#").append(SandboxHelpers.VARIANT).append(' ').append(name).append(' ').append(index).append("}}")
                .append(content).append("{{/").append(SandboxHelpers.VARIANT).append("}}");
    }
}
