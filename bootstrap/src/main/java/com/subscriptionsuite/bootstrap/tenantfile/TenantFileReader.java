package com.subscriptionsuite.bootstrap.tenantfile;

import static io.vavr.API.For;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.subscriptionsuite.bootstrap.tenantfile.TenantSection.Header;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.tenant.CartSettings;
import com.subscriptionsuite.domain.tenant.CheckoutSettings;
import com.subscriptionsuite.domain.tenant.CurrencySetting;
import com.subscriptionsuite.domain.tenant.CustomerCenterSettings;
import com.subscriptionsuite.domain.tenant.Language;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.tenant.TenantRules;
import com.subscriptionsuite.domain.tenant.Translations;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tenant file ({@code docs/tenant-file.md}) into a {@link TenantDefinition}.
 *
 * <p>The JSON tree is walked by hand so that one pass finds every structural problem, each with
 * its JSON path: malformed JSON (with line and column), missing required fields, wrong types,
 * unknown fields (refused, by name), enum values outside the allowed ones (listed), bad dates,
 * bad currency codes, negative or fractional numbers where a non-negative integer is required, and
 * duplicate catalog ids. Only a structurally clean file is checked against {@link TenantRules};
 * its problems are returned if there are any. A definition is returned only when there is none.
 */
public final class TenantFileReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private TenantFileReader() {
    }

    /**
     * @param sourceName what the file is called in problems about the file as a whole (a path or a
     *                   resource name)
     * @param json       the file's content, UTF-8; not closed here
     * @return every problem found, or the definition
     */
    public static Either<List<Problem>, TenantDefinition> read(String sourceName, InputStream json) {
        return parse(sourceName, json)
                .flatMap(TenantFileReader::definition)
                .flatMap(d -> {
                    List<Problem> problems = TenantRules.check(d);
                    return problems.isEmpty() ? Either.<List<Problem>, TenantDefinition>right(d) : Either.left(problems);
                });
    }

    private static Either<List<Problem>, JsonNode> parse(String sourceName, InputStream json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                return Either.left(List.of(new Problem("$", sourceName + " is empty")));
            }
            return Either.right(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Either.left(List.of(new Problem("$",
                    sourceName + " is not well-formed JSON" + where + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            return Either.left(List.of(new Problem("$", "could not read " + sourceName + ": " + e.getMessage())));
        }
    }

    private static Either<List<Problem>, TenantDefinition> definition(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        Option<TenantDefinition> definition = Fields.of(root, "$", problems).flatMap(TenantFileReader::definition);
        if (!problems.isEmpty()) {
            return Either.left(List.copyOf(problems));
        }
        return definition.toEither(() -> List.of(new Problem("$", "the tenant file could not be read")));
    }

    private static Option<TenantDefinition> definition(Fields f) {
        Option<Header> header = f.requiredObject("tenant").flatMap(TenantSection::header);
        List<Language> languages = f.objects("languages", true, TenantSection::language);
        List<CurrencySetting> currencies = f.objects("currencies", true, TenantSection::currency);
        Option<CartSettings> cart = f.requiredObject("cart_settings").flatMap(TenantSection::cart);
        Option<CheckoutSettings> checkout = f.requiredObject("checkout_settings").flatMap(TenantSection::checkout);
        Option<CustomerCenterSettings> customerCenter =
                f.requiredObject("customer_center_settings").flatMap(TenantSection::customerCenter);
        Option<Catalog> catalog = f.requiredObject("catalog").flatMap(CatalogSection::catalog);
        Translations translations = f.optionalObject("translations")
                .map(TranslationsSection::translations)
                .getOrElse(Translations::none);
        Option<TenantAccess> access = f.optionalObject("access").map(TenantSection::access)
                .getOrElse(() -> Option.some(TenantAccess.none()));
        if (!f.finish()) {
            return Option.none();
        }
        return For(header, cart, checkout, customerCenter, catalog, access).yield((h, ca, co, cc, cat, acc) ->
                new TenantDefinition(
                        new Tenant(h.id(), h.key(), h.name(), h.hosts(), h.seller(), languages, currencies, ca, co, cc),
                        cat, translations, acc));
    }
}
