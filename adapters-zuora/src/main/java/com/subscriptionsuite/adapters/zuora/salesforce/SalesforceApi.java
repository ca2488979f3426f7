package com.subscriptionsuite.adapters.zuora.salesforce;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;
import java.net.URI;

/**
 * The Salesforce REST calls the quote source makes, over Feign: the OAuth token (at the login URL)
 * and, at the org's {@code instance_url} (the {@link URI} argument), SOQL queries and an sobject
 * update. Answers are raw {@link Response}s: {@link SalesforceClient} reads Salesforce's error shape
 * {@code [{"message", "errorCode"}]} whatever the status.
 */
interface SalesforceApi {
    @RequestLine("POST /services/oauth2/token")
    @Headers("Content-Type: application/x-www-form-urlencoded")
    Response token(String form);

    @RequestLine("GET /services/data/v{version}/query?q={soql}")
    Response query(URI instance, @Param("version") String version, @Param("soql") String soql);

    @RequestLine("PATCH /services/data/v{version}/sobjects/{object}/{id}")
    @Headers("Content-Type: application/json")
    Response update(URI instance, @Param("version") String version, @Param("object") String object,
            @Param("id") String id, String json);
}
