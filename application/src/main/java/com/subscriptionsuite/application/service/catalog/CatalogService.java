package com.subscriptionsuite.application.service.catalog;

import com.subscriptionsuite.application.port.in.catalog.BrowseCatalog;
import com.subscriptionsuite.application.port.in.catalog.CatalogFailure;
import com.subscriptionsuite.application.port.in.catalog.ShowShopPage;
import com.subscriptionsuite.application.port.in.config.ReadConfiguration;
import com.subscriptionsuite.application.port.in.translation.Translate;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.PageStep;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.tenant.Translations.Translation;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;

/** Read-only views of a tenant's catalog, configuration and translations, served from memory. */
final class CatalogService implements CatalogReads {
    private final TenantDirectory directory;

    CatalogService(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<Product> products(long tenantId) {
        return directory.require(tenantId).catalog().products();
    }

    @Override
    public Either<CatalogFailure, Product> product(long tenantId, long productId) {
        return directory.require(tenantId).catalog().product(productId)
                .toEither(() -> new CatalogFailure.ProductNotFound(productId));
    }

    @Override
    public Either<CatalogFailure, PageView> page(long tenantId, String pageId) {
        Catalog catalog = directory.require(tenantId).catalog();
        Option<Long> id = parseId(pageId);
        return id.flatMap(catalog::page).filter(p -> p.active())
                .toEither(() -> (CatalogFailure) new CatalogFailure.PageNotFound(pageId))
                .map(page -> new PageView(page, page.steps().stream().map(s -> stepView(catalog, s)).toList()));
    }

    private static Option<Long> parseId(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(Character::isDigit)) {
            return Option.none();
        }
        return Option.some(Long.parseLong(raw));
    }

    private static StepView stepView(Catalog catalog, PageStep step) {
        List<Offer> offers = new ArrayList<>();
        for (long id : step.suiteProductIds()) {
            for (SuiteProduct sp : catalog.suiteProduct(id)) {
                for (RatePlan rp : catalog.ratePlan(sp.ratePlanId())) {
                    for (Product p : catalog.product(rp.productId())) {
                        offers.add(new Offer(sp, rp, p));
                    }
                }
            }
        }
        return new StepView(step, offers);
    }

    @Override
    public Tenant configuration(long tenantId) {
        return directory.require(tenantId).tenant();
    }

    @Override
    public Either<LanguageNotOffered, List<Translation>> staticTexts(long tenantId, String language) {
        TenantDefinition d = directory.require(tenantId);
        return d.tenant().language(language).toEither(() -> new LanguageNotOffered(language))
                .map(l -> d.translations().allStatic(l.code(), d.tenant().defaultLanguage()));
    }

    @Override
    public Either<LanguageNotOffered, List<Translation>> dynamicTexts(long tenantId, String language,
            List<String> keys) {
        TenantDefinition d = directory.require(tenantId);
        return d.tenant().language(language).toEither(() -> new LanguageNotOffered(language))
                .map(l -> d.translations().dynamic(keys, l.code(), d.tenant().defaultLanguage()));
    }
}
