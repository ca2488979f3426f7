package com.subscriptionsuite.zuora.simulator;

/**
 * An error answered the way Zuora does: {@code success:false} with {@code reasons[{code, message}]}. The code's
 * last two digits are Zuora's category (20 invalid value, 22 missing field, 30 business rule, 40 not found,
 * 50 lock contention, 61 temporary error, 70 rate limit, 90 malformed JSON).
 */
final class ZuoraError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int httpStatus;
    final long code;

    ZuoraError(int httpStatus, long code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static ZuoraError invalidValue(String message) {
        return new ZuoraError(400, 50000020L, message);
    }

    static ZuoraError missing(String message) {
        return new ZuoraError(400, 50000022L, message);
    }

    static ZuoraError businessRule(String message) {
        return new ZuoraError(400, 50000030L, message);
    }

    static ZuoraError notFound(String message) {
        return new ZuoraError(404, 50000040L, message);
    }
}
