/**
 * Application rules that more than one feature's services apply, so that each is written once:
 * resolving and discounting a cart (the price preview and the checkout), a payment method given by a
 * request body and new payment-method ids (the checkout and the account's payment method), the
 * customer's lock taken before the account is read (every service that changes a customer's billing
 * state). Its
 * classes are public only so that the feature packages reach them; the architecture rules let
 * nothing outside {@code application.service} depend on them, and let a feature package's public
 * classes serve only the {@code Engine}.
 */
package com.subscriptionsuite.application.service.common;
