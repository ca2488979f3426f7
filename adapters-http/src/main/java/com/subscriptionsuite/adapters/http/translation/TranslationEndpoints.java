package com.subscriptionsuite.adapters.http.translation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.translation.Translate;
import com.subscriptionsuite.domain.tenant.Translations.Translation;
import io.javalin.http.Context;
import io.vavr.control.Either;
import java.io.IOException;
import java.util.List;

/** GET /translation?lang= and POST /translation/dynamic?lang= with a JSON array of keys. */
public final class TranslationEndpoints {
    private static final TypeReference<List<String>> KEYS = new TypeReference<>() {
    };

    private final Translate translate;
    private final Json json;
    private final JsonBody body;

    private TranslationEndpoints(Translate translate, Json json, JsonBody body) {
        this.translate = translate;
        this.json = json;
        this.body = body;
    }

    public static List<Route> routes(Translate translate, Json json, JsonBody body) {
        TranslationEndpoints e = new TranslationEndpoints(translate, json, body);
        return List.of(
                Route.get("/translation", Route.Scope.TENANT, Access.PUBLIC, e::staticTexts),
                Route.post("/translation/dynamic", Route.Scope.TENANT, Access.PUBLIC, e::dynamicTexts));
    }

    void staticTexts(Context ctx) {
        long tenantId = RequestTenant.of(ctx).id();
        json.send(ctx, language(ctx)
                .flatMap(lang -> translate.staticTexts(tenantId, lang).mapLeft(ApiError::from))
                .map(TranslationEndpoints::responses));
    }

    void dynamicTexts(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        Either<ApiError, String> lang = language(ctx);
        if (lang.isLeft()) {
            json.send(ctx, lang);
            return;
        }
        Either<ApiError, List<String>> keys = body.read(ctx, KEYS)
                .flatMap(TranslationEndpoints::noNullKeys)
                .mapLeft(ApiError::from);
        json.send(ctx, lang
                .flatMap(l -> keys.flatMap(k -> translate.dynamicTexts(tenantId, l, k).mapLeft(ApiError::from)))
                .map(TranslationEndpoints::responses));
    }

    private static Either<ApiError, String> language(Context ctx) {
        String lang = ctx.queryParam("lang");
        return lang == null || lang.isBlank()
                ? Either.left(ApiError.from(RequestFailure.FieldRequired.queryParameter("lang")))
                : Either.right(lang.trim());
    }

    private static Either<RequestFailure, List<String>> noNullKeys(List<String> keys) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == null) {
                return Either.left(new RequestFailure.FieldType("[" + i + "]", "string", "null"));
            }
        }
        return Either.right(List.copyOf(keys));
    }

    private static List<TranslationResponse> responses(List<Translation> translations) {
        return translations.stream().map(TranslationResponse::from).toList();
    }
}
