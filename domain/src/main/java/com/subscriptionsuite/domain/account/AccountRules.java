package com.subscriptionsuite.domain.account;

import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.IdentityRejection;
import com.subscriptionsuite.domain.tax.VatId;
import com.subscriptionsuite.domain.tax.VatIdRejection;
import com.subscriptionsuite.domain.text.TextRules;
import com.subscriptionsuite.domain.text.TextRules.Shape;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an account must hold before a subscription is booked on it or it is saved (seed Account
 * schema): every problem at once, each naming its field as the seed does.
 * <ul>
 * <li>required: {@code first_name}, {@code last_name}, {@code street}, {@code zip_code},
 * {@code city}, {@code country}, {@code email}, {@code phone}; {@code company_name} when
 * {@code is_company}; {@code billing_first_name}, {@code billing_last_name}, {@code billing_street},
 * {@code billing_zip_code}, {@code billing_city} and {@code billing_country} when
 * {@code has_billing_address}.</li>
 * <li>{@code vat_id} is required as a field (the seed lists it so) but may be empty, for consumers
 * and companies alike (product decision: a business without a VAT ID, such as a small business
 * exempt from registration, buys like a consumer and is charged VAT). A VAT ID given must pass the
 * offline format and check-digit test of its member state ({@link VatId#parse}).</li>
 * <li>{@code country} and {@code billing_country}: ISO 3166-1 alpha-2 codes (upper case, as
 * {@code DE}); {@code email} and {@code billing_email}: an address ({@link EmailAddress}).</li>
 * <li>every text at most {@value #MAX_LENGTH} characters (code points) and free of what no name or
 * address holds ({@link TextRules}): control characters, bidirectional overrides, broken
 * characters; every field is one line except {@code additional_info} and
 * {@code billing_additional_info}, which may hold line breaks. Blank (only white space or
 * invisible characters) counts as missing.</li>
 * </ul>
 * The account's {@code currency} is the shop's business (which currencies it sells in), not checked
 * here.
 */
public final class AccountRules {
    public static final int MAX_LENGTH = 255;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private AccountRules() {
    }

    /** Every problem of the account, in the order of the seed's fields; empty when it is fine. */
    public static List<AccountProblem> check(AccountDetails d) {
        List<AccountProblem> problems = new ArrayList<>();
        text(problems, "company_name", d.companyName(), d.company());
        required(problems, "first_name", d.firstName());
        required(problems, "last_name", d.lastName());
        required(problems, "street", d.street());
        required(problems, "zip_code", d.zipCode());
        required(problems, "city", d.city());
        optional(problems, "state", d.state());
        if (required(problems, "country", d.country())) {
            country(problems, "country", d.country());
        }
        if (required(problems, "email", d.email())) {
            email(problems, "email", d.email());
        }
        required(problems, "phone", d.phone());
        optional(problems, "additional_info", d.additionalInfo(), Shape.MULTI_LINE);
        billingAddress(problems, d);
        if (d.vatId() == null) {
            problems.add(new AccountProblem("vat_id", "is required (send \"\" when there is none)"));
        } else if (optional(problems, "vat_id", d.vatId())) {
            Either<VatIdRejection, VatId> vatId = VatId.parse(d.vatId());
            if (vatId.isLeft()) {
                problems.add(new AccountProblem("vat_id", vatId.getLeft().reason()));
            }
        }
        return List.copyOf(problems);
    }

    private static void billingAddress(List<AccountProblem> problems, AccountDetails d) {
        boolean needed = d.hasBillingAddress();
        text(problems, "billing_first_name", d.billingFirstName(), needed);
        text(problems, "billing_last_name", d.billingLastName(), needed);
        text(problems, "billing_street", d.billingStreet(), needed);
        optional(problems, "billing_additional_info", d.billingAdditionalInfo(), Shape.MULTI_LINE);
        text(problems, "billing_zip_code", d.billingZipCode(), needed);
        text(problems, "billing_city", d.billingCity(), needed);
        if (text(problems, "billing_country", d.billingCountry(), needed)) {
            country(problems, "billing_country", d.billingCountry());
        }
        if (optional(problems, "billing_email", d.billingEmail())) {
            email(problems, "billing_email", d.billingEmail());
        }
        optional(problems, "billing_phone", d.billingPhone());
    }

    /** A one-line field that must be there when {@code needed}; true when a value is there to look at. */
    private static boolean text(List<AccountProblem> problems, String field, String value, boolean needed) {
        return needed ? required(problems, field, value) : optional(problems, field, value);
    }

    private static boolean required(List<AccountProblem> problems, String field, String value) {
        if (TextRules.isBlank(value)) {
            problems.add(new AccountProblem(field, "is required"));
            return false;
        }
        return optional(problems, field, value);
    }

    private static boolean optional(List<AccountProblem> problems, String field, String value) {
        return optional(problems, field, value, Shape.SINGLE_LINE);
    }

    /** A field that may be missing or blank; true when a value is there and may be looked at further. */
    private static boolean optional(List<AccountProblem> problems, String field, String value, Shape shape) {
        if (TextRules.isBlank(value)) {
            return false;
        }
        Option<String> problem = TextRules.problem(value, shape, MAX_LENGTH);
        problem.forEach(reason -> problems.add(new AccountProblem(field, reason)));
        return problem.isEmpty();
    }

    private static void country(List<AccountProblem> problems, String field, String value) {
        if (!COUNTRIES.contains(value)) {
            problems.add(new AccountProblem(field, "'" + value + "' is not an ISO 3166 country code (two capital "
                    + "letters, such as DE)"));
        }
    }

    private static void email(List<AccountProblem> problems, String field, String value) {
        Either<IdentityRejection, EmailAddress> parsed = EmailAddress.parse(field, value);
        if (parsed.isLeft()) {
            String message = parsed.getLeft().message();
            String prefix = field + ": ";
            problems.add(new AccountProblem(field, message.startsWith(prefix) ? message.substring(prefix.length())
                    : message));
        }
    }
}
