import { mountPage } from "@/src/ui/mount";
import { Library } from "@/src/ui/library/Library";
import { libraryLabels } from "@/src/ui/library/labels";
import { LIBRARY_CSS } from "@/src/ui/library/library-style";

mountPage(
  LIBRARY_CSS,
  (t) => libraryLabels(t.language)("title"),
  (t) => <Library t={libraryLabels(t.language)} language={t.language} />,
);
