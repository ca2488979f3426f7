package com.subscriptionsuite.adapters.zuora.revenue;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;

/**
 * The Zuora Revenue integration operations the feed uses (seed 000,
 * {@code zuora-revenue-integration-subset.yaml}), as Feign sees them. Every method answers the raw
 * {@link Response}: {@link ZuoraRevenueFeed} reads the token header, the statuses and the
 * inconsistently-cased bodies itself.
 */
interface RevenueApi {
    @RequestLine("POST /api/integration/v1/authenticate")
    @Headers({"Authorization: {authorization}", "role: {role}", "clientname: {clientname}"})
    Response authenticate(@Param("authorization") String authorization, @Param("role") String role,
            @Param("clientname") String clientName);

    @RequestLine("GET /api/integration/v1/upload/mapping?templatename={template}")
    @Headers("token: {token}")
    Response mapping(@Param("token") String token, @Param("template") String template);

    @RequestLine("POST /api/integration/v1/csv/upload")
    @Headers({"token: {token}", "templatename: {template}", "filename: {filename}", "Content-Type: text/plain"})
    Response upload(@Param("token") String token, @Param("template") String template,
            @Param("filename") String filename, String csv);

    @RequestLine("GET /api/integration/v1/csv/upload/status?id={id}")
    @Headers("token: {token}")
    Response status(@Param("token") String token, @Param("id") long id);

    @RequestLine("GET /api/integration/v1/stage/error/{type}")
    @Headers("token: {token}")
    Response stageErrors(@Param("token") String token, @Param("type") String type);
}
