package com.subscriptionsuite.application.port.in.catalog;

import com.subscriptionsuite.domain.catalog.PageStep;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.ShopPage;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import io.vavr.control.Either;
import java.util.List;

/** Everything needed to display a shop page (seed GET /page/{id}). Inactive pages are not found. */
public interface ShowShopPage {
    Either<CatalogFailure, PageView> page(long tenantId, String pageId);

    record PageView(ShopPage page, List<StepView> steps) {
        public PageView {
            steps = List.copyOf(steps);
        }
    }

    record StepView(PageStep step, List<Offer> offers) {
        public StepView {
            offers = List.copyOf(offers);
        }
    }

    /** A suite product offered in a step, with its rate plan (and charges) and Zuora product. */
    record Offer(SuiteProduct suiteProduct, RatePlan ratePlan, Product product) {
    }
}
