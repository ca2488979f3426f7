package com.subscriptionsuite.application;

import com.subscriptionsuite.application.port.in.catalog.BrowseCatalog;
import com.subscriptionsuite.application.port.in.catalog.ShowShopPage;
import com.subscriptionsuite.application.port.in.config.ReadConfiguration;
import com.subscriptionsuite.application.port.in.pricing.PreviewPrices;
import com.subscriptionsuite.application.port.in.tenant.DefineTenant;
import com.subscriptionsuite.application.port.in.tenant.ResolveTenant;
import com.subscriptionsuite.application.port.in.translation.Translate;
import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.application.service.catalog.CatalogReads;
import com.subscriptionsuite.application.service.catalog.CatalogUseCases;
import com.subscriptionsuite.application.service.pricing.PricingUseCases;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.application.service.tenant.TenantUseCases;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tax.VatRates;
import java.time.Clock;
import java.util.Objects;

/**
 * The embeddable engine: give it its outbound ports and a clock, and it hands back the use cases.
 * No framework, no threads of its own: the host calls {@link #refreshTenants()} when it wants
 * changes made by other instances picked up (the standalone server does so periodically).
 *
 * <pre>{@code
 * Engine engine = Engine.builder().tenants(new JdbiTenants(jdbi)).clock(Clock.systemUTC()).build();
 * engine.previewPrices().preview(query);
 * }</pre>
 */
public final class Engine {
    private final TenantDirectory directory;
    private final ResolveTenant resolveTenant;
    private final DefineTenant defineTenant;
    private final CatalogReads catalogReads;
    private final PreviewPrices previewPrices;

    private Engine(Builder b) {
        this.directory = new TenantDirectory(b.tenants);
        this.resolveTenant = TenantUseCases.resolveTenant(directory);
        this.defineTenant = TenantUseCases.defineTenant(b.tenants, directory);
        this.catalogReads = CatalogUseCases.reads(directory);
        this.previewPrices = PricingUseCases.previewPrices(directory, new VatDetermination(b.vatRates), b.clock);
        directory.refresh();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ResolveTenant resolveTenant() {
        return resolveTenant;
    }

    public DefineTenant defineTenant() {
        return defineTenant;
    }

    public BrowseCatalog browseCatalog() {
        return catalogReads;
    }

    public ShowShopPage showShopPage() {
        return catalogReads;
    }

    public ReadConfiguration readConfiguration() {
        return catalogReads;
    }

    public Translate translate() {
        return catalogReads;
    }

    public PreviewPrices previewPrices() {
        return previewPrices;
    }

    /** Picks up tenant definitions changed in the store (by this or another instance); true if any changed. */
    public boolean refreshTenants() {
        return directory.refresh();
    }

    public static final class Builder {
        private Tenants tenants;
        private Clock clock;
        private VatRates vatRates = VatRates.euStandardRates();

        private Builder() {
        }

        public Builder tenants(Tenants tenants) {
            this.tenants = tenants;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Replaces the built-in EU standard-rate table (dated data) with the host's own. */
        public Builder vatRates(VatRates vatRates) {
            this.vatRates = vatRates;
            return this;
        }

        public Engine build() {
            Objects.requireNonNull(tenants, "tenants");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(vatRates, "vatRates");
            return new Engine(this);
        }
    }
}
