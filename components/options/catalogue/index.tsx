import type { JSX } from 'react';
import { ProductCatalogue } from './ProductCatalogue';
import { QuietHoursEditor } from './QuietHoursEditor';
import { SpendEditor } from './SpendEditor';
import { StageRulesEditor } from './StageRulesEditor';
import { TargetAccountsEditor } from './TargetAccountsEditor';
import { TerritoriesEditor } from './TerritoriesEditor';

/** Catalogue editors of the options page; anchors: #stages-title, #territories-title, #targets-title, #products-title, #spend-title, #quiet-title. */
export function CatalogueEditors(): JSX.Element {
  return (
    <>
      <StageRulesEditor />
      <TerritoriesEditor />
      <TargetAccountsEditor />
      <ProductCatalogue />
      <SpendEditor />
      <QuietHoursEditor />
    </>
  );
}

export { ProductCatalogue, QuietHoursEditor, SpendEditor, StageRulesEditor, TargetAccountsEditor, TerritoriesEditor };
