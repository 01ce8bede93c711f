/** The text8 character domain (a-z, space, mask), its normaliser and corpus readers. */
package org.mdlm.domains.text;
