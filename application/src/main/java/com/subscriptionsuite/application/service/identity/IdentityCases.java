package com.subscriptionsuite.application.service.identity;

import com.subscriptionsuite.application.port.in.identity.Authenticate;
import com.subscriptionsuite.application.port.in.identity.LogIn;
import com.subscriptionsuite.application.port.in.identity.LogInAsGuest;
import com.subscriptionsuite.application.port.in.identity.LogOut;
import com.subscriptionsuite.application.port.in.identity.Register;
import com.subscriptionsuite.application.port.in.identity.ResetPassword;

/** The identity use cases served by one service. */
public interface IdentityCases extends Register, LogIn, LogInAsGuest, LogOut, Authenticate, ResetPassword {
}
