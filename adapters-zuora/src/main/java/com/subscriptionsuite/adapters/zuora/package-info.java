/**
 * Zuora behind the engine's billing port: {@link com.subscriptionsuite.adapters.zuora.ZuoraBillingGateway}
 * over {@link com.subscriptionsuite.adapters.zuora.ZuoraClient} (Feign over Zuora-shaped DTOs that ignore
 * unknown fields; a {@code success:false} answer is a failure whatever its status; no blind retries; an
 * {@code Idempotency-Key} on every POST), configured by
 * {@link com.subscriptionsuite.adapters.zuora.ZuoraSettings}. See docs/zuora.md.
 */
package com.subscriptionsuite.adapters.zuora;
