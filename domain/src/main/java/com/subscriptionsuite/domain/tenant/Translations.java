package com.subscriptionsuite.domain.tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Static (UI keys) and dynamic (catalog texts) translations, per language code. A key missing in
 * the asked language falls back to the tenant's default language.
 */
public record Translations(
        Map<String, Map<String, String>> staticTexts,
        Map<String, Map<String, String>> dynamicTexts) {

    public Translations {
        staticTexts = copy(staticTexts);
        dynamicTexts = copy(dynamicTexts);
    }

    public static Translations none() {
        return new Translations(Map.of(), Map.of());
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> m) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        m.forEach((lang, texts) -> out.put(lang, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts))));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Every static key known in either language, translated into {@code language} or the fallback. */
    public List<Translation> allStatic(String language, String fallbackLanguage) {
        Map<String, String> merged = new LinkedHashMap<>(staticTexts.getOrDefault(fallbackLanguage, Map.of()));
        merged.putAll(staticTexts.getOrDefault(language, Map.of()));
        return merged.entrySet().stream().map(e -> new Translation(e.getKey(), e.getValue())).toList();
    }

    /**
     * The requested dynamic keys, in the order asked, translated into {@code language} or the
     * fallback; keys unknown in both are left out.
     */
    public List<Translation> dynamic(List<String> keys, String language, String fallbackLanguage) {
        Map<String, String> asked = dynamicTexts.getOrDefault(language, Map.of());
        Map<String, String> fallback = dynamicTexts.getOrDefault(fallbackLanguage, Map.of());
        return keys.stream().distinct()
                .filter(k -> asked.containsKey(k) || fallback.containsKey(k))
                .map(k -> new Translation(k, asked.getOrDefault(k, fallback.get(k))))
                .toList();
    }

    public record Translation(String key, String translation) {
    }
}
