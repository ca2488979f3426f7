package com.subscriptionsuite.adapters.http.voucher;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.DigitsOrInteger;
import com.subscriptionsuite.application.port.in.identity.Principal;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.VoucherCommand;
import io.vavr.control.Either;

/**
 * The seed's body of POST /voucher-code/{code}/init and /consume: {@code {page_id, user_id}}, both
 * optional; no body at all is the same as {@code {}}. {@code page_id} is a string in the seed and
 * holds a page's number: a string of digits or an integer is accepted. {@code user_id} is never
 * trusted: the voucher is held and consumed for the token's user; a {@code user_id} naming anyone
 * else is refused ({@code user_mismatch}), one equal to the caller's own internal id is accepted for
 * compatibility with clients that send it.
 */
record VoucherRequest(JsonNode pageId, Long userId) {
    static final VoucherRequest NONE = new VoucherRequest(null, null);

    Either<RequestFailure, VoucherCommand> toCommand(long tenantId, String code, Principal caller) {
        return DigitsOrInteger.read("page_id", pageId).flatMap(page -> userId != null && userId != caller.userId()
                ? Either.left(new RequestFailure.UserMismatch())
                : Either.right(new VoucherCommand(tenantId, code, page.getOrNull(), caller.userId())));
    }
}
