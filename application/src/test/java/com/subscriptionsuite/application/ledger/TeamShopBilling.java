package com.subscriptionsuite.application.ledger;

import com.subscriptionsuite.application.fixtures.TeamShop;
import com.subscriptionsuite.application.port.out.billing.BillingGatewayContract;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.TaxReason;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the built-in ledger's runs of {@link BillingGatewayContract} bill for, in memory and in the
 * database alike: two {@link TeamShop}s, Basic (billed monthly in advance, per seat, with a setup
 * fee) and Solo in carts, Basic's upgrade to Pro as the plan replacement, German VAT.
 */
public final class TeamShopBilling {
    public static final long SHOP = 1;
    public static final long OTHER_SHOP = 2;
    public static final Instant START = Instant.parse("2025-05-06T09:00:00Z");
    public static final BillingGatewayContract.Offer OFFER = new BillingGatewayContract.Offer(TeamShop.BASIC,
            TeamShop.SOLO, TeamShop.TO_PRO);
    public static final TaxDecision GERMAN_VAT = new TaxDecision("DE", new BigDecimal("0.19"), TaxReason.DOMESTIC,
            "German VAT 19 %");

    private TeamShopBilling() {
    }

    public static TenantDefinition shop() {
        return TeamShop.definition(SHOP, "team", TeamShop.CANCEL_AT_ANY_TIME);
    }

    public static TenantDefinition otherShop() {
        return TeamShop.definition(OTHER_SHOP, "other-team", TeamShop.CANCEL_AT_ANY_TIME);
    }
}
