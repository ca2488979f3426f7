package com.subscriptionsuite.bootstrap.tenantfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.domain.tenant.Translations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code translations} object: {@code static} (UI keys) and {@code dynamic} (catalog
 * texts), each language code → key → text. Problems are recorded; the result is only used when
 * the whole file read cleanly.
 */
final class TranslationsSection {
    private TranslationsSection() {
    }

    static Translations translations(Fields f) {
        Map<String, Map<String, String>> staticTexts = byLanguage(f, "static");
        Map<String, Map<String, String>> dynamicTexts = byLanguage(f, "dynamic");
        f.finish();
        return new Translations(staticTexts, dynamicTexts);
    }

    private static Map<String, Map<String, String>> byLanguage(Fields f, String name) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        f.field(name).forEach(languages -> {
            if (!languages.isObject()) {
                f.problem(f.path(name), "expected an object (language code → key → text), found " + Fields.describe(languages));
                return;
            }
            for (Map.Entry<String, JsonNode> language : languages.properties()) {
                String path = Fields.member(f.path(name), language.getKey());
                if (language.getKey().isBlank()) {
                    f.problem(path, "a language code must not be blank");
                    continue;
                }
                out.put(language.getKey(), f.stringMap(language.getValue(), path));
            }
        });
        return out;
    }
}
