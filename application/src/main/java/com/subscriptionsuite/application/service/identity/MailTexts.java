package com.subscriptionsuite.application.service.identity;

import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.tenant.Translations.Translation;
import java.util.List;
import java.util.Map;

/**
 * The texts of the engine's mails, in the user's language with the tenant's default language as
 * fallback. A tenant overrides any of them with static translations of the same key
 * ({@code mail.password_reset.subject} ...); placeholders are written {@code {name}}.
 */
final class MailTexts {
    static final String WELCOME_SUBJECT = "mail.welcome.subject";
    static final String WELCOME_BODY = "mail.welcome.body";
    static final String WELCOME_LINK = "mail.welcome.link";
    static final String RESET_SUBJECT = "mail.password_reset.subject";
    static final String RESET_BODY = "mail.password_reset.body";

    private static final Map<String, Map<String, String>> BUILT_IN = Map.of(
            "en", Map.of(
                    WELCOME_SUBJECT, "Welcome to {shop}",
                    WELCOME_BODY, "Hello,\n\nyour account {email} at {shop} is ready.\n{link}\nKind regards\n{shop}\n",
                    WELCOME_LINK, "Continue here: {url}\n",
                    RESET_SUBJECT, "Reset your password at {shop}",
                    RESET_BODY, "Hello,\n\nsomeone asked to reset the password of {email} at {shop}.\n"
                            + "Your reset key: {key}\nIt is valid for one hour and can be used once.\n"
                            + "If this was not you, ignore this mail: your password stays as it is.\n\n{shop}\n"),
            "de", Map.of(
                    WELCOME_SUBJECT, "Willkommen bei {shop}",
                    WELCOME_BODY, "Hallo,\n\nIhr Konto {email} bei {shop} ist eingerichtet.\n{link}\n"
                            + "Freundliche Grüße\n{shop}\n",
                    WELCOME_LINK, "Weiter geht es hier: {url}\n",
                    RESET_SUBJECT, "Passwort zurücksetzen bei {shop}",
                    RESET_BODY, "Hallo,\n\njemand möchte das Passwort für {email} bei {shop} zurücksetzen.\n"
                            + "Ihr Schlüssel: {key}\nEr gilt eine Stunde und nur einmal.\n"
                            + "Waren Sie das nicht, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.\n\n"
                            + "{shop}\n"));

    private MailTexts() {
    }

    /** The text of {@code key} in {@code language}, filled with {@code values}. */
    static String text(TenantDefinition tenant, String language, String key, Map<String, String> values) {
        String fallback = tenant.tenant().defaultLanguage();
        String template = tenantText(tenant, language, key);
        if (template == null) {
            template = tenantText(tenant, fallback, key);
        }
        if (template == null) {
            template = BUILT_IN.getOrDefault(language, BUILT_IN.getOrDefault(fallback, BUILT_IN.get("en"))).get(key);
        }
        if (template == null) {
            template = BUILT_IN.get("en").get(key);
        }
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        return out;
    }

    private static String tenantText(TenantDefinition tenant, String language, String key) {
        List<Translation> texts = tenant.translations().allStatic(language, language);
        for (Translation t : texts) {
            if (t.key().equals(key)) {
                return t.translation();
            }
        }
        return null;
    }
}
