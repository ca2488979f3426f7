package com.subscriptionsuite.application.service.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.domain.tenant.Tenant;
import io.vavr.control.Option;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one rule of an account's currency, as the checkout and the account update apply it. */
class AccountsTest {
    /** Sells in EUR (its default) and USD, not in JPY. */
    private final Tenant shop = SampleTenants.full(1, "acme").tenant();
    private final Option<CurrencyUnit> inEuros = Option.some(CurrencyUnit.EUR);

    @Nested
    class A_new_account {
        @Test
        void takes_the_shop_s_default_when_none_is_asked_for() {
            assertThat(Accounts.currency(shop, Option.none(), " ").get()).isEqualTo(CurrencyUnit.EUR);
            assertThat(Accounts.currency(shop, Option.none(), null).get()).isEqualTo(CurrencyUnit.EUR);
        }

        @Test
        void takes_one_the_shop_sells_in_any_case() {
            assertThat(Accounts.currency(shop, Option.none(), "usd").get()).isEqualTo(CurrencyUnit.USD);
        }

        @Test
        void refuses_one_the_shop_does_not_sell_in() {
            assertThat(Accounts.currency(shop, Option.none(), "JPY").getLeft().code())
                    .isEqualTo("currency_not_offered");
        }
    }

    @Nested
    class An_existing_account {
        @Test
        void keeps_its_currency_when_none_or_its_own_is_asked_for() {
            assertThat(Accounts.currency(shop, inEuros, "").get()).isEqualTo(CurrencyUnit.EUR);
            assertThat(Accounts.currency(shop, inEuros, "eur").get()).isEqualTo(CurrencyUnit.EUR);
        }

        @Test
        void refuses_another_the_shop_sells_in_as_locked() {
            assertThat(Accounts.currency(shop, inEuros, "USD").getLeft().code()).isEqualTo("account_currency_locked");
        }

        @Test
        void refuses_another_the_shop_does_not_sell_in_as_not_offered() {
            assertThat(Accounts.currency(shop, inEuros, "JPY").getLeft().code()).isEqualTo("currency_not_offered");
        }
    }
}
