package io.github.openstackops.mcp.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of docs/architecture.md, checked on the compiled main code: feature packages stand alone, and the cloud
 * is reached one way (the service clients of cloud.services over CloudApi and CloudSession), with openstack4j's
 * internals and models kept inside the cloud layer.
 */
class ArchitectureTest {

    static final String BASE = "io.github.openstackops.mcp";
    /** Packages that are not features: the catalog and its surfaces, the cloud layer, and the start-up plumbing. */
    static final Set<String> INFRASTRUCTURE = Set.of("catalog", "cloud", "transport", "rest", "auth", "audit", "launch",
            "logging", "state");

    static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    /** Every top-level package that is not infrastructure: compute, network, storage, image, ... */
    static Set<String> features() {
        Set<String> features = new TreeSet<>();
        for (JavaClass c : main) {
            String rest = c.getPackageName().startsWith(BASE + ".") ? c.getPackageName().substring(BASE.length() + 1)
                    : "";
            String top = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            if (!top.isEmpty() && !INFRASTRUCTURE.contains(top)) {
                features.add(top);
            }
        }
        return features;
    }

    @Test
    void the_feature_packages_are_found() {
        assertThat(features()).contains("compute", "network", "storage", "image", "orchestration", "identity",
                "cluster");
    }

    @Test
    void no_feature_package_uses_another() {
        Set<String> features = features();
        for (String feature : features) {
            String[] others = features.stream().filter(f -> !f.equals(feature)).map(f -> BASE + "." + f + "..")
                    .toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage(BASE + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("feature packages stand alone; what several of them read lives in cloud.lookup");
            rule.check(main);
        }
    }

    @Test
    void the_cloud_layer_uses_no_feature_package() {
        String[] features = features().stream().map(f -> BASE + "." + f + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(BASE + ".cloud..")
                .should().dependOnClassesThat().resideInAnyPackage(features)
                .check(main);
    }

    @Test
    void openstack4j_beyond_its_fault_and_type_names_stays_in_the_cloud_layer() {
        noClasses().that().resideOutsideOfPackage(BASE + ".cloud..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "openstack4j classes other than its exceptions, service types and HTTP methods",
                        (JavaClass c) -> c.getPackageName().startsWith("org.openstack4j")
                                && !c.getPackageName().startsWith("org.openstack4j.api.exceptions")
                                && !c.getPackageName().startsWith("org.openstack4j.api.types")
                                && !c.getName().equals("org.openstack4j.core.transport.HttpMethod")))
                .because("openstack4j's session, catalog, connector and models are the cloud layer's business")
                .check(main);
    }

    @Test
    void outside_the_cloud_layer_the_cloud_is_reached_through_the_service_clients() {
        noClasses().that().resideOutsideOfPackage(BASE + ".cloud..")
                .should().dependOnClassesThat().areAssignableTo(CloudApi.class)
                .because("each service has one client in cloud.services that owns its version, microversion,"
                        + " paging and faults")
                .check(main);
        noClasses().that().resideOutsideOfPackage(BASE + ".cloud..")
                .should().callMethod(CloudSession.class, "call", Function.class)
                .orShould().callMethod(CloudSession.class, "client")
                .because("an openstack4j client is the cloud layer's business")
                .check(main);
    }

    /**
     * A thread started inside a tool does not inherit the caller's OpenStack identity (a ThreadLocal): a fan-out that
     * forgot to carry it would silently act with the server's own. So the feature packages and the cloud layer start
     * no threads and executors of their own; they fan out through cluster.Parallel, which carries the identity into
     * every task (ParallelIdentityTest).
     */
    @Test
    void tools_fan_out_only_through_parallel_which_carries_the_callers_identity() {
        String[] packages = java.util.stream.Stream.concat(features().stream(), java.util.stream.Stream.of("cloud"))
                .map(f -> BASE + "." + f + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage(packages)
                .and().doNotHaveFullyQualifiedName(BASE + ".cluster.Parallel")
                .should().dependOnClassesThat().belongToAnyOf(java.util.concurrent.Executors.class,
                        java.util.concurrent.ExecutorService.class, java.util.concurrent.ForkJoinPool.class,
                        java.lang.Thread.Builder.class)
                .orShould().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "an asynchronous CompletableFuture method",
                        (com.tngtech.archunit.core.domain.JavaMethodCall call) -> call.getTargetOwner()
                                .isEquivalentTo(java.util.concurrent.CompletableFuture.class)
                                && call.getName().endsWith("Async")))
                .orShould().callMethod(Thread.class, "ofVirtual")
                .orShould().callMethod(Thread.class, "ofPlatform")
                .orShould().callMethod(Thread.class, "startVirtualThread", Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class)
                .because("a task on another thread must act with the caller's OpenStack identity: use"
                        + " cluster.Parallel (ActingIdentity.carried)")
                .check(main);
    }

    @Test
    void the_clients_are_named_after_their_service() {
        List<String> clients = main.stream()
                .filter(c -> c.getPackageName().equals(BASE + ".cloud.services") && c.isTopLevelClass())
                .filter(c -> c.isAssignableTo(BASE + ".cloud.services.ServiceClient"))
                .map(JavaClass::getSimpleName).filter(n -> !n.equals("ServiceClient")).toList();
        assertThat(clients).isNotEmpty().allMatch(n -> n.matches("[A-Z][a-z]+Client"));
    }
}
