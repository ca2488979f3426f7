package com.subscriptionsuite.application.port.in.catalog;

/** Why a catalog look-up found nothing. */
public sealed interface CatalogFailure {
    String code();

    String message();

    record ProductNotFound(long id) implements CatalogFailure {
        public String code() {
            return "product_not_found";
        }

        public String message() {
            return "id: no product " + id;
        }
    }

    record PageNotFound(String id) implements CatalogFailure {
        public String code() {
            return "page_not_found";
        }

        public String message() {
            return "id: no shop page " + id;
        }
    }
}
