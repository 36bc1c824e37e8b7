package io.ferry.deployment;

import io.ferry.catalog.CatalogLoading;
import io.quarkus.builder.item.SimpleBuildItem;
import io.quarkus.runtime.RuntimeValue;

/** The reading of the recorded model and chains, started at static init; the catalog beans take from it. */
public final class CatalogLoadingBuildItem extends SimpleBuildItem {

    private final RuntimeValue<CatalogLoading> loading;

    public CatalogLoadingBuildItem(RuntimeValue<CatalogLoading> loading) {
        this.loading = loading;
    }

    public RuntimeValue<CatalogLoading> loading() {
        return loading;
    }
}
