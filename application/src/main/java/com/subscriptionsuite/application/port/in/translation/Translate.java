package com.subscriptionsuite.application.port.in.translation;

import com.subscriptionsuite.domain.tenant.Translations.Translation;
import io.vavr.control.Either;
import java.util.List;

/**
 * Static (UI keys) and dynamic (catalog texts) translations in a language the tenant offers,
 * falling back to the tenant's default language per key.
 */
public interface Translate {
    Either<LanguageNotOffered, List<Translation>> staticTexts(long tenantId, String language);

    Either<LanguageNotOffered, List<Translation>> dynamicTexts(long tenantId, String language, List<String> keys);

    record LanguageNotOffered(String language) {
        public String code() {
            return "language_not_offered";
        }

        public String message() {
            return "lang: the shop does not offer language '" + language + "'";
        }
    }
}
