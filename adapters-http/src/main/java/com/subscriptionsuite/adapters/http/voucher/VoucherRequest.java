package com.subscriptionsuite.adapters.http.voucher;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.DigitsOrInteger;
import com.subscriptionsuite.application.port.in.identity.Principal;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.VoucherCommand;
import io.vavr.control.Either;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The seed's body of POST /voucher-code/{code}/init and /consume: {@code {page_id, user_id}}, both
 * optional; no body at all is the same as {@code {}}. {@code page_id} is a string in the seed and
 * holds a page's number: a string of digits or an integer is accepted. {@code user_id} is never
 * trusted: the voucher is held and consumed for the token's user. It may name that user as the API
 * hands its id out ({@code user.id} of register and login, a string; any case) or, for hosts whose
 * user ids are numbers, as the user's number (a JSON integer); a {@code user_id} naming anyone else
 * is refused ({@code user_mismatch}), one that is neither a string nor an integer is
 * {@code field_type}.
 */
record VoucherRequest(JsonNode pageId, JsonNode userId) {
    static final VoucherRequest NONE = new VoucherRequest(null, null);
    private static final String USER_ID = "user_id";

    Either<RequestFailure, VoucherCommand> toCommand(long tenantId, String code, Principal caller) {
        return DigitsOrInteger.read("page_id", pageId)
                .flatMap(page -> caller(caller).map(user -> new VoucherCommand(tenantId, code, page.getOrNull(), user)));
    }

    /** The token's user, if {@code user_id} is absent or names that user. */
    private Either<RequestFailure, Long> caller(Principal caller) {
        if (userId == null || userId.isNull()) {
            return Either.right(caller.userId());
        }
        boolean same;
        if (userId.isTextual()) {
            same = caller.guid() != null && userId.textValue().strip().toLowerCase(Locale.ROOT)
                    .equals(caller.guid().toLowerCase(Locale.ROOT));
        } else if (userId.isIntegralNumber()) {
            same = userId.bigIntegerValue().equals(BigInteger.valueOf(caller.userId()));
        } else {
            return Either.left(new RequestFailure.FieldType(USER_ID, "a string (user.id) or an integer",
                    userId.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return same ? Either.right(caller.userId()) : Either.left(new RequestFailure.UserMismatch());
    }
}
