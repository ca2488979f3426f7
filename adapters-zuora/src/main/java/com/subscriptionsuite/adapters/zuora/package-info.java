/**
 * The Zuora Billing and Zuora Revenue adapters: Feign clients over Zuora-shaped DTOs behind the
 * application's outbound ports (a {@code success:false} answer is a failure, no blind retries,
 * an {@code Idempotency-Key} on every POST/PATCH). Empty until the issue that puts Zuora behind the
 * billing port; the module is built so that its dependencies and layering rules are in place.
 */
package com.subscriptionsuite.adapters.zuora;
