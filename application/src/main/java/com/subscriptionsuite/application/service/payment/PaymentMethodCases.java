package com.subscriptionsuite.application.service.payment;

import com.subscriptionsuite.application.port.in.payment.ApprovePayPal;
import com.subscriptionsuite.application.port.in.payment.ShowPaymentMethod;
import com.subscriptionsuite.application.port.in.payment.ShowPaymentOptions;
import com.subscriptionsuite.application.port.in.payment.SignPaymentPage;
import com.subscriptionsuite.application.port.in.payment.StartPayPal;
import com.subscriptionsuite.application.port.in.payment.SubmitPaymentPage;

/** The payment-method use cases that need no billing account, served by one service. */
public interface PaymentMethodCases extends ShowPaymentOptions, ShowPaymentMethod, SignPaymentPage,
        SubmitPaymentPage, StartPayPal, ApprovePayPal {
}
