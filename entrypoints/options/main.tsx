import { mountPage } from "@/src/ui/mount";
import { Options } from "@/src/ui/options/Options";
import optionsStyles from "@/src/ui/options/options.css?inline";

mountPage(
  optionsStyles,
  (t) => t("options.title"),
  (t) => <Options t={t} />,
);
