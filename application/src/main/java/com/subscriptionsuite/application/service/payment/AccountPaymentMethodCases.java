package com.subscriptionsuite.application.service.payment;

import com.subscriptionsuite.application.port.in.payment.ChangeAccountPaymentMethod;
import com.subscriptionsuite.application.port.in.payment.ShowAccountPaymentMethod;

/** The billing account's default payment method, read and changed by one service. */
public interface AccountPaymentMethodCases extends ShowAccountPaymentMethod, ChangeAccountPaymentMethod {
}
