package com.subscriptionsuite.application.service.voucher;

import com.subscriptionsuite.application.port.in.voucher.ConsumeVoucher;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher;

/** The voucher use cases served by one service. */
public interface VoucherCases extends HoldVoucher, ConsumeVoucher, DefineCampaigns {
}
