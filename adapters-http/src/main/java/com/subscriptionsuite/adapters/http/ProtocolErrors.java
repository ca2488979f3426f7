package com.subscriptionsuite.adapters.http;

import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.Json;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests Jetty refuses before any route runs (bad URI encoding, no Host, a Content-Length that
 * is not a number, header fields or URI too large) get the API's error shape instead of Jetty's
 * HTML page. Jetty has already chosen the status; the code matches it for 400, 413, 414 and 431.
 */
final class ProtocolErrors extends ErrorHandler {
    private final Json json;
    private final int maxBodyBytes;

    ProtocolErrors(Json json, int maxBodyBytes) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);
        return ByteBuffer.wrap(json.errorBytes(ApiError.from(failure(status, reason))));
    }

    private RequestFailure failure(int status, String reason) {
        return switch (status) {
            case 413 -> new RequestFailure.BodyTooLarge(maxBodyBytes);
            case 414 -> new RequestFailure.UriTooLong();
            case 431 -> new RequestFailure.HeadersTooLarge();
            default -> new RequestFailure.RequestMalformed(reason == null || reason.isBlank() ? "bad request" : reason);
        };
    }
}
