package com.subscriptionsuite.zuora.simulator;

import static com.subscriptionsuite.zuora.simulator.ZuoraSimulator.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hosted Payment Pages 2.0 stand-in: {@code POST /apps/PublicHostedPageLite.do} takes what Zuora's page posts
 * (JSON or form: {@code id} = page id, {@code token}, {@code signature}, {@code tenantId}, the page's
 * {@code field_*} values). The token must be one {@code POST /v1/rsa-signatures} issued for that page, unused and
 * at most 30 minutes old, and the signature must verify with the simulator's RSA key; then the card or SEPA
 * account is checked, a payment method without an account is created (masked data only) and the answer is
 * {@code {"success":"true","refId":"<payment method id>"}}; else {@code {"success":"false","errorCode",
 * "errorMessage", "errorField_<field>"}} with Zuora's HPM codes ({@code Invalid_Security},
 * {@code HostedPageFieldValidationError}).
 */
final class HostedPages {
    static final Duration TOKEN_TTL = Duration.ofMinutes(30);

    private record Issued(String pageId, String uri, Instant at) {}

    private final ZuoraSimulator sim;
    private final KeyPair keys;
    private final String tenantId;
    private final Map<String, Issued> issued = new LinkedHashMap<>();
    private final java.util.Set<String> used = new java.util.HashSet<>();

    HostedPages(ZuoraSimulator sim, KeyPair keys, String tenantId) {
        this.sim = sim;
        this.keys = keys;
        this.tenantId = tenantId;
    }

    static String checkType(String type) {
        if (!"CreditCard".equals(type) && !"SEPA".equals(type)) {
            throw new IllegalArgumentException("a hosted page's type is CreditCard or SEPA, not " + type);
        }
        return type;
    }

    /** Remembers a token rsa-signatures issued (called under the state's lock). */
    void issued(String token, String pageId, String uri, Instant at) {
        issued.put(token, new Issued(pageId, uri, at));
    }

    ZuoraSimulator.Answer submit(Context ctx) {
        Map<String, String> f = fields(ctx);
        if (f == null) {
            return failure("HostedPageFieldValidationError", "The page's fields could not be read.", Map.of());
        }
        String pageId = f.get("id");
        String token = f.get("token");
        String signature = f.get("signature");
        if (blank(pageId) || blank(token) || blank(signature)) {
            return failure("Invalid_Security", "id, token and signature are required.", Map.of());
        }
        Issued is = issued.get(token);
        if (is == null || !pageId.equals(is.pageId())) {
            return failure("Invalid_Security", "The token was not issued for page " + pageId + ".", Map.of());
        }
        if (used.contains(token)) {
            return failure("Invalid_Security", "The token has already been used.", Map.of());
        }
        if (sim.clock().instant().isAfter(is.at().plus(TOKEN_TTL))) {
            return failure("Invalid_Security", "The token has expired (tokens are valid for 30 minutes).", Map.of());
        }
        if (f.get("tenantId") != null && !tenantId.equals(f.get("tenantId"))) {
            return failure("Invalid_Security", "The tenant id does not match.", Map.of());
        }
        if (!verifies(signature, pageId + "#" + token + "#" + tenantId + "#" + is.uri())) {
            return failure("Invalid_Security", "The signature does not verify.", Map.of());
        }
        String type = sim.hostedPages().get(pageId);
        if (type == null) {
            return failure("Invalid_Security", "The page " + pageId + " is not configured in this tenant.", Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        ObjectNode details = JSON.createObjectNode();
        if ("CreditCard".equals(type)) {
            card(f, errors, details);
        } else {
            sepa(f, errors, details);
        }
        if (!errors.isEmpty()) {
            return failure("HostedPageFieldValidationError", "Some fields are not valid: " + String.join(", ", errors.keySet()) + ".",
                    errors);
        }
        used.add(token);
        Model.PaymentMethod pm = new Model.PaymentMethod();
        pm.id = Ids.newId();
        pm.type = type;
        pm.createdOn = sim.clock().instant();
        pm.details = details;
        sim.state().paymentMethods.put(pm.id, pm);
        ObjectNode ok = JSON.createObjectNode().put("success", "true").put("refId", pm.id);
        return new ZuoraSimulator.Answer(200, ok, "application/json; charset=utf-8", Map.of());
    }

    private void card(Map<String, String> f, Map<String, String> errors, ObjectNode d) {
        String number = digits(f.get("field_creditCardNumber"));
        String holder = f.get("field_creditCardHolderName");
        String month = f.get("field_creditCardExpirationMonth");
        String year = f.get("field_creditCardExpirationYear");
        String cvv = f.get("field_cardSecurityCode");
        if (blank(number)) {
            errors.put("creditCardNumber", "NullValue");
        } else if (!number.matches("[0-9]{12,19}") || !luhn(number)) {
            errors.put("creditCardNumber", "InvalidFormat");
        }
        if (blank(holder)) {
            errors.put("creditCardHolderName", "NullValue");
        }
        int m = parse(month);
        int y = parse(year);
        if (m < 1 || m > 12) {
            errors.put("creditCardExpirationMonth", blank(month) ? "NullValue" : "InvalidFormat");
        }
        if (y < 1000 || y > 9999) {
            errors.put("creditCardExpirationYear", blank(year) ? "NullValue" : "InvalidFormat");
        }
        if (m >= 1 && m <= 12 && y >= 1000 && y <= 9999
                && YearMonth.of(y, m).isBefore(YearMonth.from(sim.clock().instant().atZone(ZoneOffset.UTC)))) {
            errors.put("creditCardExpirationYear", "InvalidValue");
        }
        if (!blank(cvv) && !cvv.strip().matches("[0-9]{3,4}")) {
            errors.put("cardSecurityCode", "InvalidFormat");
        }
        String cardType = f.get("field_creditCardType");
        String derived = number == null ? null : brand(number);
        if (!blank(cardType) && !java.util.List.of("Visa", "MasterCard", "AmericanExpress", "Discover", "JCB", "Diners")
                .contains(cardType)) {
            errors.put("creditCardType", "InvalidValue");
        } else if (blank(cardType) && derived == null && !errors.containsKey("creditCardNumber")) {
            errors.put("creditCardType", "NullValue");
        }
        if (!errors.isEmpty()) {
            return;
        }
        String masked = "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
        d.put("cardNumber", masked).put("creditCardMaskNumber", masked)
                .put("creditCardType", blank(cardType) ? derived : cardType)
                .put("expirationMonth", m).put("expirationYear", y)
                .put("bankIdentificationNumber", number.substring(0, 6));
        d.putObject("accountHolderInfo").put("accountHolderName", holder.strip());
    }

    private static void sepa(Map<String, String> f, Map<String, String> errors, ObjectNode d) {
        String iban = f.get("field_IBAN") == null ? null : f.get("field_IBAN").replace(" ", "").toUpperCase(Locale.ROOT);
        String name = f.get("field_bankAccountName");
        if (blank(iban)) {
            errors.put("IBAN", "NullValue");
        } else if (!ibanValid(iban)) {
            errors.put("IBAN", "InvalidFormat");
        }
        if (blank(name)) {
            errors.put("bankAccountName", "NullValue");
        }
        if (!errors.isEmpty()) {
            return;
        }
        d.put("IBAN", "*".repeat(iban.length() - 4) + iban.substring(iban.length() - 4)).put("bankTransferType", "SEPA");
        d.putObject("accountHolderInfo").put("accountHolderName", name.strip());
        d.putObject("mandateInfo").put("mandateId", "MANDATE-" + Ids.next("mandate", 6)).put("mandateStatus", "Active");
    }

    static boolean ibanValid(String iban) {
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder n = new StringBuilder();
        for (char ch : moved.toCharArray()) {
            n.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
        }
        return new BigInteger(n.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static boolean luhn(String number) {
        int sum = 0;
        boolean twice = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int v = number.charAt(i) - '0';
            if (twice) {
                v *= 2;
                if (v > 9) v -= 9;
            }
            sum += v;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static String brand(String number) {
        if (number.startsWith("4")) return "Visa";
        if (number.matches("5[1-5].*") || number.matches("2[2-7].*")) return "MasterCard";
        if (number.matches("3[47].*")) return "AmericanExpress";
        if (number.startsWith("6")) return "Discover";
        return null;
    }

    private boolean verifies(String signature, String message) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(keys.getPublic());
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature.strip()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** The submitted fields: a JSON object or a form body; null when the body cannot be read. */
    private static Map<String, String> fields(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        String ct = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (ct.contains("json")) {
            try {
                JsonNode b = JSON.readTree(ctx.body());
                if (b == null || !b.isObject()) return null;
                b.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            } catch (IOException e) {
                return null;
            }
        } else {
            ctx.formParamMap().forEach((k, v) -> out.put(k, v.isEmpty() ? null : v.get(0)));
        }
        return out;
    }

    private static ZuoraSimulator.Answer failure(String code, String message, Map<String, String> fieldErrors) {
        ObjectNode n = JSON.createObjectNode().put("success", "false").put("errorCode", code).put("errorMessage", message);
        fieldErrors.forEach((field, error) -> n.put("errorField_" + field, error));
        return new ZuoraSimulator.Answer(200, n, "application/json; charset=utf-8", Map.of());
    }

    private static String digits(String s) {
        return s == null ? null : s.replace(" ", "").replace("-", "");
    }

    private static int parse(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
