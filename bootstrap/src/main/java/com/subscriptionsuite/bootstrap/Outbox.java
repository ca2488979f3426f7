package com.subscriptionsuite.bootstrap;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.mail.MailOutbox;
import com.subscriptionsuite.adapters.persistence.mail.MailOutbox.OutboxMail;
import java.io.PrintStream;
import java.util.List;

/** Prints the newest mails of the outbox (the embedded default's mail delivery), newest first. */
final class Outbox {
    private Outbox() {
    }

    static void print(ServerConfig config, int limit, PrintStream out) {
        try (Database database = Server.openDatabase(config)) {
            print(new MailOutbox(database.jdbi()).recent(limit), out);
        }
    }

    static void print(List<OutboxMail> mails, PrintStream out) {
        if (mails.isEmpty()) {
            out.println("The outbox is empty.");
        }
        for (OutboxMail m : mails) {
            out.println("#" + m.id() + "  " + m.createdAt() + "  tenant " + m.tenantId() + "  to " + m.to()
                    + "  (" + m.language() + ")");
            out.println("Subject: " + m.subject());
            out.println();
            out.println(m.text().strip());
            out.println("-".repeat(72));
        }
    }
}
