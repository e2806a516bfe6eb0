/** Which scoped credentials a request hop may carry. Internal: no compatibility promise. */
package dev.hardwire.core.internal.credentials;
