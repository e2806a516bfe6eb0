package dev.hardwire.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openrewrite.Recipe;
import org.openrewrite.config.Environment;
import org.openrewrite.config.OptionDescriptor;
import org.openrewrite.config.RecipeDescriptor;

/** What `rewrite:discover` and the plugin show users. */
class RecipeDescriptorsTest {
  private final Environment environment = Environment.builder().scanRuntimeClasspath().build();

  @Test
  void migrateToHardwireListsTheFourRecipesInOrder() {
    Recipe migrate = environment.activateRecipes("dev.hardwire.migrate.MigrateToHardwire");
    assertThat(migrate.getRecipeList()).extracting(Recipe::getName).containsExactly(
        "dev.hardwire.migrate.AddHardwireDependencies",
        "dev.hardwire.migrate.UseHardenedOkHttp",
        "dev.hardwire.migrate.UseHardenedHttpClient",
        "dev.hardwire.migrate.UseHttpsLiterals");
  }

  @Test
  void clientRecipesOfferThePolicyExpressionOption() {
    for (Recipe recipe : new Recipe[] {new UseHardenedOkHttp(), new UseHardenedHttpClient()}) {
      RecipeDescriptor descriptor = recipe.getDescriptor();
      assertThat(descriptor.getOptions()).extracting(OptionDescriptor::getName)
          .as(recipe.getName()).containsExactly("policyExpression");
      assertThat(descriptor.getOptions().get(0).isRequired()).isFalse();
    }
  }
}
