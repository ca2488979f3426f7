/**
 * A Zuora Billing REST API v1 simulator on loopback: keeps state, checks every request against
 * Zuora's published API document (the subset in {@code shared/reference}), answers as Zuora does.
 */
package com.subscriptionsuite.zuora.simulator;
