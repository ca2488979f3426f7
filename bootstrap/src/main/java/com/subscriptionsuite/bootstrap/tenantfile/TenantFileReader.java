package com.subscriptionsuite.bootstrap.tenantfile;

import static io.vavr.API.For;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.subscriptionsuite.bootstrap.tenantfile.TenantSection.Header;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.payment.PaymentOption;
import com.subscriptionsuite.domain.payment.PaymentOptions;
import com.subscriptionsuite.domain.tenant.CartSettings;
import com.subscriptionsuite.domain.tenant.CheckoutSettings;
import com.subscriptionsuite.domain.tenant.CurrencySetting;
import com.subscriptionsuite.domain.tenant.CustomerCenterSettings;
import com.subscriptionsuite.domain.tenant.Language;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.tenant.TenantRules;
import com.subscriptionsuite.domain.tenant.Translations;
import com.subscriptionsuite.domain.voucher.CampaignCodes;
import com.subscriptionsuite.domain.voucher.CampaignRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tenant file ({@code docs/tenant-file.md}) into a {@link TenantDefinition}.
 *
 * <p>The JSON tree is walked by hand so that one pass finds every structural problem, each with
 * its JSON path: malformed JSON (with line and column), missing required fields, wrong types,
 * unknown fields (refused, by name), enum values outside the allowed ones (listed), bad dates,
 * bad currency codes, negative or fractional numbers where a non-negative integer is required, and
 * duplicate catalog ids; then each campaign's {@code codes_file} is read (a file that cannot be read
 * is a structural problem too). Only a structurally clean file is checked against
 * {@link TenantRules} and {@link CampaignRules} together; their problems are returned if there are
 * any. A definition is returned only when there is none.
 */
public final class TenantFileReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private TenantFileReader() {
    }

    /** Opens a campaign's {@code codes_file} by the name the tenant file gives it. */
    @FunctionalInterface
    public interface CodesFiles {
        InputStream open(String name) throws IOException;

        /** Names relative to the directory of the tenant file {@code tenantFile}. */
        static CodesFiles besideFile(Path tenantFile) {
            Path directory = tenantFile.toAbsolutePath().getParent();
            return name -> Files.newInputStream(directory.resolve(name));
        }

        /** Names relative to the classpath resource {@code resource} (such as {@code /tenants/demo.json}). */
        static CodesFiles besideResource(String resource) {
            String directory = resource.substring(0, resource.lastIndexOf('/') + 1);
            return name -> {
                InputStream in = TenantFileReader.class.getResourceAsStream(directory + name);
                if (in == null) {
                    throw new NoSuchFileException(directory + name);
                }
                return in;
            };
        }
    }

    /**
     * The definition alone: campaigns are checked as far as the file itself goes, but their codes
     * files are not opened (there is no directory to find them in).
     *
     * @param sourceName what the file is called in problems about the file as a whole (a path or a
     *                   resource name)
     * @param json       the file's content, UTF-8; not closed here
     * @return every problem found, or the definition
     */
    public static Either<List<Problem>, TenantDefinition> read(String sourceName, InputStream json) {
        return read(sourceName, json, Option.none()).map(TenantFile::definition);
    }

    /**
     * The whole tenant file, the codes of each campaign's {@code codes_file} included.
     *
     * @param codesFiles where the codes files are
     * @return every problem found, or what the file defines
     */
    public static Either<List<Problem>, TenantFile> read(String sourceName, InputStream json, CodesFiles codesFiles) {
        return read(sourceName, json, Option.some(codesFiles));
    }

    /** A tenant file on disk, its codes files relative to its directory. */
    public static Either<List<Problem>, TenantFile> readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, CodesFiles.besideFile(file));
        } catch (IOException e) {
            return Either.left(List.of(new Problem("$", "cannot read " + file + ": " + describe(e))));
        }
    }

    /** A tenant file on the classpath ({@code /tenants/demo.json}), its codes files beside it. */
    public static Either<List<Problem>, TenantFile> readResource(String resource, String sourceName) {
        try (InputStream in = TenantFileReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Either.left(List.of(new Problem("$", "no resource " + resource + " on the classpath")));
            }
            return read(sourceName, in, CodesFiles.besideResource(resource));
        } catch (IOException e) {
            return Either.left(List.of(new Problem("$", "cannot read " + resource + ": " + describe(e))));
        }
    }

    private static Either<List<Problem>, TenantFile> read(String sourceName, InputStream json,
            Option<CodesFiles> codesFiles) {
        return parse(sourceName, json)
                .flatMap(TenantFileReader::structure)
                .flatMap(parsed -> withCodes(parsed, codesFiles))
                .flatMap(file -> {
                    List<Problem> problems = new ArrayList<>(TenantRules.check(file.definition()));
                    problems.addAll(CampaignRules.check(file.definition().catalog(), file.campaigns(), file.codePaths()));
                    return problems.isEmpty() ? Either.<List<Problem>, TenantFile>right(file)
                            : Either.left(List.copyOf(problems));
                });
    }

    /** What the JSON says, structurally clean: the definition and the campaigns as written. */
    private record Parsed(TenantDefinition definition, List<CampaignsSection.Entry> campaigns,
            List<WebhooksSection.Entry> webhooks) {
    }

    /**
     * Adds each campaign's codes file to its listed codes, and knows where each code is written;
     * a codes file that cannot be read is a problem at its {@code codes_file}.
     */
    private static Either<List<Problem>, TenantFile> withCodes(Parsed parsed, Option<CodesFiles> codesFiles) {
        List<Problem> problems = new ArrayList<>();
        List<CampaignCodes> campaigns = new ArrayList<>();
        List<Integer> listed = new ArrayList<>();
        List<Option<CodesCsv>> files = new ArrayList<>();
        for (int i = 0; i < parsed.campaigns().size(); i++) {
            CampaignsSection.Entry entry = parsed.campaigns().get(i);
            List<String> codes = new ArrayList<>(entry.codes());
            Option<CodesCsv> file = Option.none();
            for (CodesFiles opener : codesFiles.filter(x -> entry.codesFile() != null)) {
                try (InputStream in = opener.open(entry.codesFile())) {
                    CodesCsv csv = CodesCsv.read(in);
                    codes.addAll(csv.codes());
                    file = Option.some(csv);
                } catch (IOException e) {
                    problems.add(new Problem(CampaignRules.campaignPath(i) + ".codes_file", "cannot read codes file '"
                            + entry.codesFile() + "' (named relative to the tenant file): " + describe(e)));
                }
            }
            listed.add(entry.codes().size());
            files.add(file);
            campaigns.add(new CampaignCodes(entry.campaign(), codes));
        }
        if (!problems.isEmpty()) {
            return Either.left(List.copyOf(problems));
        }
        CampaignRules.CodePaths codePaths = (campaign, code) -> {
            int inline = listed.get(campaign);
            if (code < inline) {
                return CampaignRules.CodePaths.IN_CODES_ARRAY.of(campaign, code);
            }
            return CampaignRules.campaignPath(campaign) + ".codes_file line "
                    + files.get(campaign).map(csv -> csv.line(code - inline)).getOrElse(code - inline + 1);
        };
        return Either.right(new TenantFile(parsed.definition(), campaigns, codePaths, parsed.webhooks()));
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file " + e.getMessage();
        }
        return e.getMessage();
    }

    private static Either<List<Problem>, JsonNode> parse(String sourceName, InputStream json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                return Either.left(List.of(new Problem("$", sourceName + " is empty")));
            }
            return Either.right(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Either.left(List.of(new Problem("$",
                    sourceName + " is not well-formed JSON" + where + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            return Either.left(List.of(new Problem("$", "could not read " + sourceName + ": " + e.getMessage())));
        }
    }

    private static Either<List<Problem>, Parsed> structure(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        Option<Parsed> parsed = Fields.of(root, "$", problems).flatMap(TenantFileReader::structure);
        if (!problems.isEmpty()) {
            return Either.left(List.copyOf(problems));
        }
        return parsed.toEither(() -> List.of(new Problem("$", "the tenant file could not be read")));
    }

    private static Option<Parsed> structure(Fields f) {
        Option<Header> header = f.requiredObject("tenant").flatMap(TenantSection::header);
        List<Language> languages = f.objects("languages", true, TenantSection::language);
        List<CurrencySetting> currencies = f.objects("currencies", true, TenantSection::currency);
        Option<CartSettings> cart = f.requiredObject("cart_settings").flatMap(TenantSection::cart);
        Option<CheckoutSettings> checkout = f.requiredObject("checkout_settings").flatMap(TenantSection::checkout);
        Option<CustomerCenterSettings> customerCenter =
                f.requiredObject("customer_center_settings").flatMap(TenantSection::customerCenter);
        Option<Catalog> catalog = f.requiredObject("catalog").flatMap(CatalogSection::catalog);
        Translations translations = f.optionalObject("translations")
                .map(TranslationsSection::translations)
                .getOrElse(Translations::none);
        Option<TenantAccess> access = f.optionalObject("access").map(TenantSection::access)
                .getOrElse(() -> Option.some(TenantAccess.none()));
        List<PaymentOption> paymentMethods = f.objects("payment_methods", false, PaymentMethodsSection::paymentMethod);
        List<CampaignsSection.Entry> campaigns = f.objects("campaigns", false, CampaignsSection::campaign);
        List<WebhooksSection.Entry> webhooks = f.objects("webhooks", false, WebhooksSection::endpoint);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < webhooks.size(); i++) {
            if (!names.add(webhooks.get(i).name())) {
                f.problem("$.webhooks[" + i + "].name", "two webhooks named '" + webhooks.get(i).name() + "'");
            }
        }
        if (!f.finish()) {
            return Option.none();
        }
        return For(header, cart, checkout, customerCenter, catalog, access).yield((h, ca, co, cc, cat, acc) ->
                new Parsed(new TenantDefinition(
                        new Tenant(h.id(), h.key(), h.name(), h.hosts(), h.seller(), languages, currencies, ca, co, cc),
                        cat, translations, acc, new PaymentOptions(paymentMethods)), campaigns, webhooks));
    }
}
