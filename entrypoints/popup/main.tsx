import { mountPage } from "@/src/ui/mount";
import { Popup } from "@/src/ui/popup/Popup";
import popupStyles from "@/src/ui/popup/popup.css?inline";

mountPage(
  popupStyles,
  (t) => t("appName"),
  (t) => <Popup t={t} />,
);
