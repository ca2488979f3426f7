package com.subscriptionsuite.bootstrap.tenantfile;

import com.subscriptionsuite.domain.tenant.CartSettings;
import com.subscriptionsuite.domain.tenant.CheckoutSettings;
import com.subscriptionsuite.domain.tenant.CurrencySetting;
import com.subscriptionsuite.domain.tenant.CustomerCenterSettings;
import com.subscriptionsuite.domain.tenant.Language;
import com.subscriptionsuite.domain.tenant.SellerAddress;
import com.subscriptionsuite.domain.tenant.SellerSettings;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import io.vavr.control.Option;
import java.util.List;
import org.joda.money.CurrencyUnit;

/** Reads the tenant's own part of the file: {@code tenant}, languages, currencies and settings. */
final class TenantSection {
    /** Settings objects may leave out their id. */
    static final long DEFAULT_SETTINGS_ID = 1;

    private TenantSection() {
    }

    /** The {@code tenant} object: who the tenant is and who sells. */
    record Header(long id, String key, String name, List<String> hosts, SellerSettings seller) {
    }

    static Option<Header> header(Fields f) {
        long id = f.requiredLong("id");
        String key = f.requiredString("key");
        String name = f.optionalString("name", null);
        List<String> hosts = f.strings("hosts");
        Option<SellerSettings> seller = f.requiredObject("seller").flatMap(TenantSection::seller);
        if (!f.finish()) {
            return Option.none();
        }
        return seller.map(s -> new Header(id, key, name, hosts, s));
    }

    private static Option<SellerSettings> seller(Fields f) {
        String country = f.requiredString("country");
        String vatId = f.optionalString("vat_id", null);
        boolean threshold = f.optionalBoolean("oss_threshold_applies", false);
        Option<Option<SellerAddress>> address = f.optionalObject("address").map(TenantSection::address);
        if (!f.finish() || address.exists(Option::isEmpty)) {
            return Option.none();
        }
        return Option.some(new SellerSettings(country, vatId, threshold, address.flatMap(a -> a).getOrNull()));
    }

    /** {@code seller.address}: street, postcode and city required, region optional (checked by TenantRules). */
    private static Option<SellerAddress> address(Fields f) {
        String street = f.requiredString("street");
        String postcode = f.requiredString("postcode");
        String city = f.requiredString("city");
        String region = f.optionalString("region", null);
        return f.finish() ? Option.some(new SellerAddress(street, postcode, city, region)) : Option.none();
    }

    /** The optional {@code access} object: CORS origins and admin API keys (as SHA-256 hashes). */
    static Option<TenantAccess> access(Fields f) {
        List<String> origins = f.strings("cors_origins");
        List<TenantAccess.AdminKey> keys = f.objects("admin_keys", false, TenantSection::adminKey);
        return f.finish() ? Option.some(new TenantAccess(origins, keys)) : Option.none();
    }

    private static Option<TenantAccess.AdminKey> adminKey(Fields f) {
        String name = f.requiredString("name");
        String sha256 = f.requiredString("sha256");
        return f.finish() ? Option.some(new TenantAccess.AdminKey(name, sha256)) : Option.none();
    }

    static Option<Language> language(Fields f) {
        long id = f.requiredLong("id");
        String code = f.requiredString("code");
        boolean active = f.optionalBoolean("is_active", true);
        boolean isDefault = f.optionalBoolean("is_default", false);
        return f.finish() ? Option.some(new Language(id, code, active, isDefault)) : Option.none();
    }

    static Option<CurrencySetting> currency(Fields f) {
        long id = f.requiredLong("id");
        CurrencyUnit currency = f.requiredCurrency("iso_code");
        boolean active = f.optionalBoolean("is_active", true);
        boolean isDefault = f.optionalBoolean("is_default", false);
        String decimal = f.optionalString("decimal_separator", ".");
        String thousands = f.optionalString("thousands_separator", ",");
        return f.finish()
                ? Option.some(new CurrencySetting(id, currency, active, isDefault, decimal, thousands))
                : Option.none();
    }

    static Option<CartSettings> cart(Fields f) {
        long id = f.optionalLong("id", DEFAULT_SETTINGS_ID);
        CartSettings settings = new CartSettings(id,
                f.requiredBoolean("show_product_name"),
                f.requiredBoolean("show_rate_plan_name"),
                f.requiredBoolean("show_feature_list"),
                f.requiredBoolean("show_description"),
                f.requiredBoolean("show_charges"),
                f.requiredBoolean("use_single_quantity"));
        return f.finish() ? Option.some(settings) : Option.none();
    }

    static Option<CheckoutSettings> checkout(Fields f) {
        long id = f.optionalLong("id", DEFAULT_SETTINGS_ID);
        CheckoutSettings settings = new CheckoutSettings(id,
                f.requiredBoolean("has_guest_checkout"),
                f.requiredBoolean("show_charges"),
                f.requiredBoolean("show_tax"),
                f.requiredBoolean("show_brutto"),
                f.requiredBoolean("show_product_name"),
                f.requiredBoolean("has_auto_invoice"),
                f.requiredBoolean("has_auto_payment"));
        return f.finish() ? Option.some(settings) : Option.none();
    }

    static Option<CustomerCenterSettings> customerCenter(Fields f) {
        long id = f.optionalLong("id", DEFAULT_SETTINGS_ID);
        CustomerCenterSettings settings = new CustomerCenterSettings(id,
                f.requiredBoolean("can_cancel_subscriptions"),
                f.requiredBoolean("can_suspend"),
                f.requiredBoolean("can_cancel_subscriptions_at_any_time"));
        return f.finish() ? Option.some(settings) : Option.none();
    }
}
