package com.subscriptionsuite.domain.payment;

import com.subscriptionsuite.domain.text.TextRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks payment details as a hosted payment page receives them and turns them into the displayable
 * data a payment method keeps ({@link PaymentData}): a card number passes the Luhn check and belongs to
 * a known brand, an expiry is not in the past, an IBAN passes the ISO 13616 mod-97 check with its SEPA
 * country's length, an ACH routing number passes the ABA checksum. Every problem is reported, each
 * with its field; a reason never repeats the value (it may be a card number). What comes out holds
 * masks only: never a full card number, security code, IBAN or account number.
 */
public final class PaymentDataRules {
    /** The form fields of a card. */
    public static final String CARD_NUMBER = "credit_card_number";
    public static final String CARD_HOLDER = "credit_card_holder_name";
    public static final String CARD_MONTH = "credit_card_expiration_month";
    public static final String CARD_YEAR = "credit_card_expiration_year";
    public static final String CARD_SECURITY_CODE = "credit_card_security_code";
    /** The form fields of a bank account (SEPA, ACH). */
    public static final String IBAN = "iban";
    public static final String ACCOUNT_NAME = "bank_transfer_account_name";
    public static final String ACH_ABA_CODE = "ach_aba_code";
    public static final String ACH_ACCOUNT_NUMBER = "ach_account_number";
    public static final String ACH_ACCOUNT_TYPE = "ach_account_type";
    /** Zuora's ACH account types. */
    public static final List<String> ACH_ACCOUNT_TYPES = List.of("Checking", "Saving", "BusinessChecking");

    /** How far ahead a card's expiry may lie. */
    static final int MAX_YEARS_AHEAD = 20;
    private static final int MAX_NAME = 100;
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern SEPARATORS = Pattern.compile("[ -]");
    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern MASK = Pattern.compile("\\*+[A-Za-z0-9]{0,4}");

    /** IBAN lengths of the SEPA countries (EPC409, the SEPA scheme's country list). */
    private static final Map<String, Integer> SEPA_IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23),
            Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28),
            Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("VA", 22));

    private PaymentDataRules() {
    }

    /** A card as typed into the page; any field may be null (missing). */
    public record CardInput(String number, String holderName, Integer expirationMonth, Integer expirationYear,
            String securityCode) {
        @Override
        public String toString() {
            return "CardInput[number=" + mask(digitsOf(number)) + ", holderName=" + holderName + ", expiration="
                    + expirationMonth + "/" + expirationYear + ", securityCode=***]";
        }
    }

    /** A SEPA direct-debit account as typed into the page. */
    public record SepaInput(String iban, String accountName) {
        @Override
        public String toString() {
            return "SepaInput[iban=" + maskIban(compact(iban)) + ", accountName=" + accountName + "]";
        }
    }

    /** A US bank account as typed into the page. */
    public record AchInput(String abaCode, String accountNumber, String accountName, String accountType) {
        @Override
        public String toString() {
            return "AchInput[abaCode=" + abaCode + ", accountNumber=" + mask(digitsOf(accountNumber))
                    + ", accountName=" + accountName + ", accountType=" + accountType + "]";
        }
    }

    /**
     * A card, valid in {@code thisMonth} (the customer's current month, which the caller reads from
     * its clock).
     */
    public static Either<List<FieldProblem>, Map<String, String>> card(CardInput in, YearMonth thisMonth) {
        List<FieldProblem> problems = new ArrayList<>();
        String digits = digitsOf(in.number());
        String brand = null;
        if (in.number() == null || in.number().isBlank()) {
            problems.add(new FieldProblem(CARD_NUMBER, "is required"));
        } else if (!DIGITS.matcher(digits).matches() || digits.length() < 12 || digits.length() > 19) {
            problems.add(new FieldProblem(CARD_NUMBER, "must be 12 to 19 digits (spaces and dashes are ignored)"));
        } else if (!luhn(digits)) {
            problems.add(new FieldProblem(CARD_NUMBER, "is not a card number (its check digit is wrong)"));
        } else {
            brand = brand(digits);
            if (brand == null) {
                problems.add(new FieldProblem(CARD_NUMBER,
                        "is not a Visa, MasterCard, American Express, Discover, JCB or Diners card"));
            }
        }
        String holder = name(in.holderName(), CARD_HOLDER, true, problems);
        YearMonth expiry = expiry(in.expirationMonth(), in.expirationYear(), thisMonth, problems);
        String code = in.securityCode();
        int codeLength = "AmericanExpress".equals(brand) ? 4 : 3;
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem(CARD_SECURITY_CODE, "is required"));
        } else if (!DIGITS.matcher(code).matches() || (brand != null ? code.length() != codeLength
                : code.length() < 3 || code.length() > 4)) {
            problems.add(new FieldProblem(CARD_SECURITY_CODE,
                    brand != null ? "must be " + codeLength + " digits" : "must be 3 or 4 digits"));
        }
        if (!problems.isEmpty()) {
            return Either.left(List.copyOf(problems));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put(PaymentData.CARD_MASK_NUMBER, mask(digits));
        data.put(PaymentData.CARD_HOLDER_NAME, holder);
        data.put(PaymentData.CARD_TYPE, brand);
        data.put(PaymentData.CARD_EXPIRATION_MONTH, Integer.toString(expiry.getMonthValue()));
        data.put(PaymentData.CARD_EXPIRATION_YEAR, Integer.toString(expiry.getYear()));
        return Either.right(data);
    }

    /** A SEPA direct-debit account: an IBAN of a SEPA country and the account holder. */
    public static Either<List<FieldProblem>, Map<String, String>> sepa(SepaInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        String iban = compact(in.iban());
        if (in.iban() == null || in.iban().isBlank()) {
            problems.add(new FieldProblem(IBAN, "is required"));
        } else if (!IBAN_SHAPE.matcher(iban).matches()) {
            problems.add(new FieldProblem(IBAN, "is not an IBAN (two letters, two check digits, then 11 to 30 "
                    + "letters or digits; spaces are ignored)"));
        } else if (!SEPA_IBAN_LENGTHS.containsKey(iban.substring(0, 2))) {
            problems.add(new FieldProblem(IBAN, "is not an account in a SEPA country"));
        } else if (iban.length() != SEPA_IBAN_LENGTHS.get(iban.substring(0, 2))) {
            problems.add(new FieldProblem(IBAN, "an IBAN of " + iban.substring(0, 2) + " has "
                    + SEPA_IBAN_LENGTHS.get(iban.substring(0, 2)) + " characters"));
        } else if (!mod97(iban)) {
            problems.add(new FieldProblem(IBAN, "is not an IBAN (its check digits are wrong)"));
        }
        String holder = name(in.accountName(), ACCOUNT_NAME, true, problems);
        if (!problems.isEmpty()) {
            return Either.left(List.copyOf(problems));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put(PaymentData.ACCOUNT_NUMBER_MASK, maskIban(iban));
        data.put(PaymentData.ACCOUNT_NAME, holder);
        return Either.right(data);
    }

    /** A US bank account: ABA routing number, account number, holder and account type. */
    public static Either<List<FieldProblem>, Map<String, String>> ach(AchInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        String aba = in.abaCode();
        if (aba == null || aba.isBlank()) {
            problems.add(new FieldProblem(ACH_ABA_CODE, "is required"));
        } else if (aba.length() != 9 || !DIGITS.matcher(aba).matches()) {
            problems.add(new FieldProblem(ACH_ABA_CODE, "must be 9 digits"));
        } else if (!abaChecksum(aba)) {
            problems.add(new FieldProblem(ACH_ABA_CODE, "is not a routing number (its check digit is wrong)"));
        }
        String account = digitsOf(in.accountNumber());
        if (in.accountNumber() == null || in.accountNumber().isBlank()) {
            problems.add(new FieldProblem(ACH_ACCOUNT_NUMBER, "is required"));
        } else if (!DIGITS.matcher(account).matches() || account.length() < 4 || account.length() > 17) {
            problems.add(new FieldProblem(ACH_ACCOUNT_NUMBER, "must be 4 to 17 digits"));
        }
        String holder = name(in.accountName(), ACCOUNT_NAME, true, problems);
        if (in.accountType() == null || in.accountType().isBlank()) {
            problems.add(new FieldProblem(ACH_ACCOUNT_TYPE, "is required"));
        } else if (!ACH_ACCOUNT_TYPES.contains(in.accountType())) {
            problems.add(new FieldProblem(ACH_ACCOUNT_TYPE, "must be one of " + String.join(", ", ACH_ACCOUNT_TYPES)));
        }
        if (!problems.isEmpty()) {
            return Either.left(List.copyOf(problems));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put(PaymentData.ACCOUNT_NUMBER_MASK, mask(account));
        data.put(PaymentData.ACCOUNT_NAME, holder);
        data.put(PaymentData.ACH_ABA_CODE, aba);
        data.put(PaymentData.ACH_ACCOUNT_TYPE, in.accountType());
        return Either.right(data);
    }

    /**
     * A bank transfer (the customer pays each invoice by wire transfer) as a client may describe it:
     * optionally the account holder's name and an account number that is already masked (at most its
     * last four characters shown). {@code field} prefixes the problems' fields ({@code data}).
     */
    public static Either<List<FieldProblem>, Map<String, String>> bankTransfer(Map<String, String> given,
            String field) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> data = new LinkedHashMap<>();
        Set<String> known = Set.of(PaymentData.ACCOUNT_NAME, PaymentData.ACCOUNT_NUMBER_MASK);
        given.forEach((key, value) -> {
            String at = field + "." + key;
            if (!known.contains(key)) {
                problems.add(new FieldProblem(at, "unknown field; a bank transfer takes "
                        + PaymentData.ACCOUNT_NAME + " and " + PaymentData.ACCOUNT_NUMBER_MASK));
            } else if (TextRules.isBlank(value)) {
                return;
            } else if (key.equals(PaymentData.ACCOUNT_NUMBER_MASK)) {
                if (MASK.matcher(value.replace(" ", "")).matches()) {
                    data.put(key, value.replace(" ", ""));
                } else {
                    problems.add(new FieldProblem(at, "must be masked: asterisks and at most the last four "
                            + "characters (e.g. ************3000); the full account number is never stored"));
                }
            } else {
                String name = TextRules.trim(value);
                Option<String> problem = TextRules.problem(name, TextRules.Shape.SINGLE_LINE, MAX_NAME);
                problem.forEach(reason -> problems.add(new FieldProblem(at, reason)));
                if (problem.isEmpty()) {
                    data.put(key, name);
                }
            }
        });
        return problems.isEmpty() ? Either.right(data) : Either.left(List.copyOf(problems));
    }

    // ---------------------------------------------------------------- checks

    /** The Luhn (mod 10) check of a card number. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The card brand by its number's prefix and length (Zuora's creditCardType names), or null. */
    static String brand(String digits) {
        int length = digits.length();
        int two = Integer.parseInt(digits.substring(0, 2));
        int three = Integer.parseInt(digits.substring(0, 3));
        int four = Integer.parseInt(digits.substring(0, 4));
        if (digits.charAt(0) == '4' && (length == 13 || length == 16 || length == 19)) {
            return "Visa";
        }
        if (((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) && length == 16) {
            return "MasterCard";
        }
        if ((two == 34 || two == 37) && length == 15) {
            return "AmericanExpress";
        }
        if ((four == 6011 || two == 65 || (three >= 644 && three <= 649)) && length >= 16) {
            return "Discover";
        }
        if (four >= 3528 && four <= 3589 && length >= 16) {
            return "JCB";
        }
        if ((two == 36 || two == 38 || two == 39 || (three >= 300 && three <= 305) || four == 3095) && length >= 14) {
            return "Diners";
        }
        return null;
    }

    /** The ISO 13616 check: the IBAN with its first four characters moved to the end is 1 mod 97. */
    static boolean mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36);
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }

    /** The ABA routing number checksum: 3, 7, 1 weights sum to a multiple of 10. */
    static boolean abaChecksum(String aba) {
        int[] weights = {3, 7, 1, 3, 7, 1, 3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (aba.charAt(i) - '0');
        }
        return sum % 10 == 0;
    }

    private static YearMonth expiry(Integer month, Integer year, YearMonth thisMonth, List<FieldProblem> problems) {
        boolean monthOk = false;
        if (month == null) {
            problems.add(new FieldProblem(CARD_MONTH, "is required"));
        } else if (month < 1 || month > 12) {
            problems.add(new FieldProblem(CARD_MONTH, "must be 1 to 12"));
        } else {
            monthOk = true;
        }
        Integer fullYear = year == null ? null : year >= 0 && year < 100 ? 2000 + year : year;
        if (fullYear == null) {
            problems.add(new FieldProblem(CARD_YEAR, "is required"));
            return null;
        }
        if (fullYear < thisMonth.getYear() || fullYear > thisMonth.getYear() + MAX_YEARS_AHEAD) {
            problems.add(new FieldProblem(CARD_YEAR, fullYear < thisMonth.getYear() ? "the card has expired"
                    : "must be at most " + MAX_YEARS_AHEAD + " years ahead"));
            return null;
        }
        if (!monthOk) {
            return null;
        }
        YearMonth expiry = YearMonth.of(fullYear, month);
        if (expiry.isBefore(thisMonth)) {
            problems.add(new FieldProblem(CARD_MONTH, "the card has expired"));
            return null;
        }
        return expiry;
    }

    private static String name(String value, String field, boolean required, List<FieldProblem> problems) {
        if (TextRules.isBlank(value)) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return null;
        }
        String name = TextRules.trim(value);
        TextRules.problem(name, TextRules.Shape.SINGLE_LINE, MAX_NAME)
                .forEach(reason -> problems.add(new FieldProblem(field, reason)));
        return name;
    }

    private static String digitsOf(String raw) {
        return raw == null ? "" : SEPARATORS.matcher(raw).replaceAll("");
    }

    private static String compact(String raw) {
        return raw == null ? "" : raw.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** All but the last four characters as asterisks: {@code ************1111}. */
    static String mask(String value) {
        if (value.length() <= 4) {
            return "*".repeat(value.length());
        }
        return "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }

    /** An IBAN with its country and check digits and its last four characters: {@code DE89**************3000}. */
    static String maskIban(String iban) {
        if (iban.length() <= 8) {
            return "*".repeat(iban.length());
        }
        return iban.substring(0, 4) + "*".repeat(iban.length() - 8) + iban.substring(iban.length() - 4);
    }
}
