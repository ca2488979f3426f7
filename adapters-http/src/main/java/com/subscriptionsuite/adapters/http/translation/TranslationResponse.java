package com.subscriptionsuite.adapters.http.translation;

import com.subscriptionsuite.domain.tenant.Translations.Translation;

/** One translated text: {@code {key, translation}}. */
record TranslationResponse(String key, String translation) {
    static TranslationResponse from(Translation t) {
        return new TranslationResponse(t.key(), t.translation());
    }
}
