package com.subscriptionsuite.application.service.admin;

import com.subscriptionsuite.application.port.in.admin.AuthorizeAdmin;
import com.subscriptionsuite.application.port.in.admin.RemoveProduct;
import com.subscriptionsuite.application.port.in.tenant.TenantAccessLookup;

/** The admin use cases served by one service. */
public interface AdminCases extends AuthorizeAdmin, RemoveProduct, TenantAccessLookup {
}
